#pragma once

#include "categorize/categorizer.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace Moniagent {

class CategoryModel;
class CategoryRepository;
class RulePreviewer;

// Adds or edits one categorization rule: how it matches, the pattern, the category, its confidence and
// priority. A live preview says how many transactions the rule matches and how many it would change, with a
// few examples; a pattern the categorizer would refuse (an invalid regular expression, say) is explained
// right under it and OK stays disabled.
class RuleEditDialog : public QDialog
{
    Q_OBJECT
public:
    RuleEditDialog(Categorizer* categorizer, CategoryRepository* categories, const CategorizationRule& rule,
                   QWidget* parent = nullptr);

    CategorizationRule rule() const;
    QString validationMessage() const;
    QString previewText() const;
    bool isPreviewBusy() const;

private:
    void changed();
    void showPreview(const Categorizer::RulePreview& preview);
    QString categoryName(std::optional<qint64> id) const;

    Categorizer* m_categorizer;
    CategorizationRule m_rule;
    CategoryModel* m_categories;
    RulePreviewer* m_previewer;
    QComboBox* m_type;
    QLineEdit* m_pattern;
    QLabel* m_error;
    QComboBox* m_category;
    QSpinBox* m_confidence;
    QSpinBox* m_priority;
    QLabel* m_summary;
    QTreeWidget* m_samples;
    QPushButton* m_ok;
};

} // namespace Moniagent
