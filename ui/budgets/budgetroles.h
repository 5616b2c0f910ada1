#pragma once

#include <Qt>

namespace Moniagent {

// Roles the budget and notification views share with their delegates.
namespace BudgetRoles {
enum Role
{
    SecondaryTextRole = Qt::UserRole + 100, // QString: the smaller second line of a row
    ToneRole, // int(BudgetTone): how the first line is colored
    SecondaryToneRole, // int(BudgetTone): how the second line is colored
};
} // namespace BudgetRoles

// The meaning of a text's color; the delegates turn it into a color that suits the palette (light or dark).
enum class BudgetTone
{
    Normal,
    Good,
    Warning,
    Bad,
    Muted,
};

} // namespace Moniagent
