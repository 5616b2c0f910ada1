#pragma once

#include "core/result.h"

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace Moniagent {

class Categorizer;

// The Categorization section of the settings: the auto-apply threshold, how many consistent corrections make
// a learned rule, rebuilding the learned model, and the language-model switch (off until an AI provider is
// configured). Saved with save() when the settings dialog is accepted.
class CategorizationSettingsWidget : public QGroupBox
{
    Q_OBJECT
public:
    explicit CategorizationSettingsWidget(Categorizer* categorizer, QWidget* parent = nullptr);

    // `askModel`: the AI tab\'s categorization switch, with a provider configured (the one switch for it).

    Result<void> save(bool askModel);
    bool isRebuilding() const { return m_rebuilding; }

public Q_SLOTS:
    void rebuildModel();

private:
    void updateModelInfo();

    Categorizer* m_categorizer;
    QSpinBox* m_threshold;
    QSpinBox* m_learnAfter;
    QPushButton* m_rebuild;
    QProgressBar* m_busy;
    QLabel* m_modelInfo;
    QCheckBox* m_useLlm;
    bool m_rebuilding = false;
};

} // namespace Moniagent
