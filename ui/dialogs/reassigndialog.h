#pragma once

#include "core/category.h"

#include <QDialog>

#include <optional>

class QComboBox;

namespace Moniagent {

class CategoryRepository;

// Asks where the transactions of a category that is being deleted should go.
class ReassignDialog : public QDialog
{
    Q_OBJECT
public:
    ReassignDialog(CategoryRepository* categories, const Category& deleted, qint64 usage, QWidget* parent = nullptr);

    // The chosen category, or nullopt for "Uncategorized".
    std::optional<qint64> target() const;

private:
    QComboBox* m_target;
};

} // namespace Moniagent
