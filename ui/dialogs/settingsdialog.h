#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace Moniagent {

class AiSettingsWidget;
class CategorizationSettingsWidget;
class SecretStore;
class Session;

// Settings: the profile's name, currency and locale (language, number and date formats), how transactions
// are categorized, which budget alerts to show, whether closing the window keeps Moniagent in the tray, and
// where the data lives. Changes are saved when the dialog is accepted.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // `secrets` (may be null) keeps the language model's API key.
    explicit SettingsDialog(Session* session, SecretStore* secrets = nullptr, QWidget* parent = nullptr);
    AiSettingsWidget* aiSettings() const { return m_ai; }

    void accept() override;
    bool languageChanged() const { return m_languageChanged; }

private:
    void updateLocalePreview();

    Session* m_session;
    QLineEdit* m_name;
    QComboBox* m_currency;
    QComboBox* m_locale;
    QLabel* m_localePreview;
    QLineEdit* m_dataFolder;
    QCheckBox* m_budgetWarnings;
    QCheckBox* m_budgetExceeded;
    CategorizationSettingsWidget* m_categorization;
    AiSettingsWidget* m_ai;
    QCheckBox* m_closeToTray;
    bool m_languageChanged = false;
};

} // namespace Moniagent
