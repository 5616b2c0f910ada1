#pragma once

#include "budget/budgetstatus.h"
#include "budgetroles.h"

#include <QColor>
#include <QPalette>

namespace Moniagent {

// The colors of budget states and tones, chosen for the palette in use: darker shades on a light window,
// lighter ones on a dark window, so the bars and texts stay readable in both.
class BudgetColors
{
public:
    static bool isDark(const QPalette& palette);
    static QColor forState(BudgetState state, const QPalette& palette);
    // An invalid color for BudgetTone::Normal (use the palette's text color).
    static QColor forTone(BudgetTone tone, const QPalette& palette);
    // The empty part of a progress bar.
    static QColor track(const QPalette& palette);
};

} // namespace Moniagent
