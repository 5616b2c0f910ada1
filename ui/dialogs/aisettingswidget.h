#pragma once

#include "core/aisettings.h"
#include "core/result.h"

#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Moniagent {

class LlmProvider;
class SecretStore;
class Session;

// The "Assistant & AI" settings: which language model (none by default — the offline assistant answers), its
// address, model and API key (kept in the system keychain, never in the database), a connection test, the
// features allowed to use it with a plain statement of what leaves the computer, and a monthly spending cap.
class AiSettingsWidget : public QWidget
{
    Q_OBJECT

public:
    AiSettingsWidget(Session* session, SecretStore* secrets, QWidget* parent = nullptr);
    ~AiSettingsWidget() override;

    // The settings as the fields show them (InvalidInput with a message when a field is wrong).
    Result<AiSettings> settings() const;
    // Stores the settings (not the key: see typedKey()).
    Result<void> save();
    // The key the user typed (empty: keep the stored one) and the keychain entry it belongs in. The window writes
    // it after the dialog closed, then switches the assistant.
    QString typedKey() const;
    QString keyToStore() const;

    QComboBox* providerCombo() const { return m_provider; }
    QLineEdit* baseUrlEdit() const { return m_baseUrl; }
    QComboBox* modelCombo() const { return m_model; }
    QLineEdit* keyEdit() const { return m_key; }
    QCheckBox* chatCheck() const { return m_chat; }
    QLabel* privacyLabel() const { return m_privacy; }
    QLabel* testResultLabel() const { return m_testResult; }
    QPushButton* testButton() const { return m_test; }

private:
    void load(const AiSettings& settings);
    void onProviderChosen();
    void updateState();
    void refreshModels();
    void testConnection();
    // Runs `run` with the key typed in the field, else the one in the keychain.
    void withKey(const std::function<void(const QString&)>& run);
    // A provider for the fields as they are (for a test or a model listing); false when the fields are incomplete.
    bool makeProbe(const QString& key);
    QString keyName(AiSettings::Provider provider) const;

    Session* m_session;
    SecretStore* m_secrets;
    QComboBox* m_provider;
    QLineEdit* m_baseUrl;
    QComboBox* m_model;
    QPushButton* m_refresh;
    QLineEdit* m_key;
    QLabel* m_keyState;
    QPushButton* m_test;
    QLabel* m_testResult;
    QCheckBox* m_chat;
    QCheckBox* m_receipts;
    QCheckBox* m_email;
    QCheckBox* m_categorization;
    QLabel* m_privacy;
    QLineEdit* m_cap;
    std::unique_ptr<LlmProvider> m_probe; // the provider of a running test or model listing
    bool m_hasStoredKey = false;
};

} // namespace Moniagent
