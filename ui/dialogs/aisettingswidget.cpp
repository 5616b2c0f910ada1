#include "aisettingswidget.h"

#include "ai/llmprovider.h"
#include "ai/llmproviderpresets.h"
#include "core/llmtransaction.h"
#include "core/money.h"
#include "db/aisettingsrepository.h"
#include "secrets/secretstore.h"
#include "session/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Moniagent {

namespace {

const QString CustomOpenAi = QStringLiteral("custom-openai");
const QString CustomAnthropic = QStringLiteral("custom-anthropic");
const QString CapCurrency = QStringLiteral("USD");

} // namespace

AiSettingsWidget::AiSettingsWidget(Session* session, SecretStore* secrets, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_secrets(secrets)
    , m_provider(new QComboBox)
    , m_baseUrl(new QLineEdit)
    , m_model(new QComboBox)
    , m_refresh(new QPushButton(tr("Refresh List")))
    , m_key(new QLineEdit)
    , m_keyState(new QLabel)
    , m_test(new QPushButton(tr("&Test Connection")))
    , m_testResult(new QLabel)
    , m_chat(new QCheckBox(tr("&Chat: the assistant in the side panel and “ask”")))
    , m_receipts(new QCheckBox(tr("Second opinion on unsure &receipts")))
    , m_email(new QCheckBox(tr("Reading purchases from &emails")))
    , m_categorization(new QCheckBox(tr("Suggesting categories when &unsure")))
    , m_privacy(new QLabel)
    , m_cap(new QLineEdit)
{
    setObjectName(QStringLiteral("aiSettings"));
    m_provider->setObjectName(QStringLiteral("aiProvider"));
    m_provider->addItem(tr("None — the built-in offline assistant only"), QString());
    for (const LlmProviderPreset& preset : LlmProviderPresets::all())
        m_provider->addItem(preset.local ? tr("%1 (on this computer)").arg(preset.name) : preset.name, preset.id);
    m_provider->addItem(tr("Other OpenAI-compatible server"), CustomOpenAi);
    m_provider->addItem(tr("Other Anthropic-compatible server"), CustomAnthropic);
    m_baseUrl->setObjectName(QStringLiteral("aiBaseUrl"));
    m_baseUrl->setPlaceholderText(QStringLiteral("http://localhost:11434/v1"));
    m_model->setObjectName(QStringLiteral("aiModel"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setMinimumContentsLength(24);
    m_refresh->setObjectName(QStringLiteral("aiRefreshModels"));
    m_refresh->setToolTip(tr("Ask the server which models it offers"));
    m_key->setObjectName(QStringLiteral("aiKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setClearButtonEnabled(true);
    m_keyState->setObjectName(QStringLiteral("aiKeyState"));
    m_keyState->setEnabled(false);
    m_test->setObjectName(QStringLiteral("aiTestConnection"));
    m_testResult->setObjectName(QStringLiteral("aiTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chat->setObjectName(QStringLiteral("aiFeatureChat"));
    m_privacy->setObjectName(QStringLiteral("aiPrivacy"));
    m_privacy->setWordWrap(true);
    m_cap->setObjectName(QStringLiteral("aiCap"));
    m_cap->setPlaceholderText(tr("No cap"));
    m_cap->setToolTip(
        tr("Calls stop for the rest of the month once the estimated cost reaches this amount (US dollars)"));

    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(m_refresh);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);

    auto* serverBox = new QGroupBox(tr("Language model"));
    auto* form = new QFormLayout(serverBox);
    form->addRow(tr("&Provider:"), m_provider);
    form->addRow(tr("&Address:"), m_baseUrl);
    auto* modelLabel = new QLabel(tr("&Model:"));
    modelLabel->setBuddy(m_model);
    form->addRow(modelLabel, modelRow);
    form->addRow(tr("API &key:"), m_key);
    form->addRow(QString(), m_keyState);
    form->addRow(QString(), testRow);
    form->addRow(tr("Monthly &cap (USD):"), m_cap);

    auto* featureBox = new QGroupBox(tr("Use the language model for"));
    auto* features = new QVBoxLayout(featureBox);
    features->addWidget(m_chat);
    features->addWidget(m_email);
    features->addWidget(m_categorization);
    m_receipts->setToolTip(tr("Only receipts whose total, date or merchant the built-in reader is unsure of; the "
                              "review shows what the model reads differently, and nothing changes unless you use it"));
    features->addWidget(m_receipts);
    m_email->setObjectName(QStringLiteral("aiEmail"));
    m_categorization->setObjectName(QStringLiteral("aiCategorization"));
    m_receipts->setObjectName(QStringLiteral("aiReceipts"));
    m_email->setToolTip(tr("Only emails the built-in reader could not read with confidence"));
    m_categorization->setToolTip(
        tr("Only transactions that rules and the learned model cannot categorize with enough confidence"));
    features->addWidget(m_privacy);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(serverBox);
    layout->addWidget(featureBox);

    connect(m_provider, &QComboBox::currentIndexChanged, this, &AiSettingsWidget::onProviderChosen);
    connect(m_baseUrl, &QLineEdit::textChanged, this, &AiSettingsWidget::updateState);
    connect(m_model, &QComboBox::currentTextChanged, this, &AiSettingsWidget::updateState);
    for (QCheckBox* feature : {m_chat, m_email, m_categorization, m_receipts})
        connect(feature, &QCheckBox::toggled, this, &AiSettingsWidget::updateState);
    connect(m_refresh, &QPushButton::clicked, this, &AiSettingsWidget::refreshModels);
    connect(m_test, &QPushButton::clicked, this, &AiSettingsWidget::testConnection);

    AiSettingsRepository repository(m_session->database());
    const auto stored = repository.settings(m_session->userId());
    load(stored ? *stored : AiSettings());
    if (!stored)
        m_testResult->setText(stored.error().message);
}

AiSettingsWidget::~AiSettingsWidget() = default;

QString AiSettingsWidget::keyName(AiSettings::Provider provider) const
{
    return SecretStore::llmKey(AiSettings::providerKey(provider), m_session->user().username);
}

void AiSettingsWidget::load(const AiSettings& settings)
{
    QString id;
    if (settings.provider != AiSettings::Provider::None) {
        const LlmProviderPreset* preset = LlmProviderPresets::forUrl(settings.baseUrl);
        if (preset && preset->kind == settings.provider)
            id = preset->id;
        else
            id = settings.provider == AiSettings::Provider::Anthropic ? CustomAnthropic : CustomOpenAi;
    }
    {
        const QSignalBlocker blocker(m_provider);
        m_provider->setCurrentIndex(std::max(0, m_provider->findData(id)));
    }
    m_baseUrl->setText(settings.baseUrl);
    m_model->setEditText(settings.model);
    m_chat->setChecked(settings.features.chat);
    m_receipts->setChecked(settings.features.receipts);
    m_email->setChecked(settings.features.email);
    m_categorization->setChecked(settings.features.categorization);
    if (settings.monthlyCapMicros) {
        const Money cap(*settings.monthlyCapMicros / (LlmTransaction::MicrosPerUnit / 100),
                        Currency::fromCode(CapCurrency));
        m_cap->setText(cap.toNumberString(m_session->locale()));
    }
    updateState();
    if (settings.provider != AiSettings::Provider::None && m_secrets) {
        m_keyState->setText(tr("Reading the key from the system keychain…"));
        m_secrets->read(keyName(settings.provider), this, [this](Result<SecretStore::Secret> secret) {
            m_hasStoredKey = secret && secret->value.has_value();
            if (!secret)
                m_keyState->setText(secret.error().message);
            else if (m_hasStoredKey)
                m_key->setPlaceholderText(tr("Saved in the system keychain — type to replace"));
            updateState();
        });
    }
}

void AiSettingsWidget::onProviderChosen()
{
    const QString id = m_provider->currentData().toString();
    if (const LlmProviderPreset* preset = LlmProviderPresets::find(id)) {
        m_baseUrl->setText(preset->baseUrl);
        if (m_model->currentText().isEmpty() || m_model->findText(m_model->currentText()) < 0)
            m_model->setEditText(preset->suggestedModel);
        if (!m_chat->isChecked())
            m_chat->setChecked(true);
    } else if (id.isEmpty()) {
        m_chat->setChecked(false);
    }
    m_testResult->clear();
    updateState();
}

void AiSettingsWidget::updateState()
{
    const QString id = m_provider->currentData().toString();
    const bool none = id.isEmpty();
    for (QWidget* field :
         {static_cast<QWidget*>(m_baseUrl), static_cast<QWidget*>(m_model), static_cast<QWidget*>(m_refresh),
          static_cast<QWidget*>(m_key), static_cast<QWidget*>(m_test), static_cast<QWidget*>(m_chat),
          static_cast<QWidget*>(m_cap), static_cast<QWidget*>(m_email), static_cast<QWidget*>(m_categorization),
          static_cast<QWidget*>(m_receipts)})
        field->setEnabled(!none);
    const LlmProviderPreset* preset = LlmProviderPresets::find(id);
    const bool local = LlmProviderPresets::isLocal(m_baseUrl->text());
    if (preset && !preset->needsKey)
        m_keyState->setText(tr("This server needs no key."));
    else if (m_secrets && !m_secrets->isPersistent())
        m_keyState->setText(tr("No system keychain: the key is kept only until Moniagent quits."));
    else if (!none)
        m_keyState->setText(tr("Kept in the system keychain, never in Moniagent's files."));
    else
        m_keyState->clear();

    const QString host = QUrl(m_baseUrl->text().trimmed()).host();
    const bool anyFeature
        = m_chat->isChecked() || m_email->isChecked() || m_categorization->isChecked() || m_receipts->isChecked();
    if (none || !anyFeature) {
        m_privacy->setText(tr("Nothing leaves this computer: questions are answered by the built-in offline "
                              "assistant from your own data."));
    } else if (local) {
        m_privacy->setText(tr("Nothing leaves this computer: the model runs at %1.").arg(host));
    } else {
        const QString server = host.isEmpty() ? tr("the server") : host;
        QStringList sent;
        if (m_chat->isChecked())
            sent << tr("When you ask the assistant, your question, the conversation so far and the results of its "
                       "lookups (sums, merchant names, dates and amounts of matching transactions) are sent to %1.")
                        .arg(server);
        if (m_email->isChecked())
            sent << tr("Emails that the built-in reader could not read with confidence (sender, subject, date and "
                       "text, without attachments) are sent to %1.")
                        .arg(server);
        if (m_categorization->isChecked())
            sent << tr("For transactions that rules and the learned model cannot categorize, the merchant, "
                       "description, amount and the names of your categories are sent to %1.")
                        .arg(server);
        if (m_receipts->isChecked())
            sent << tr("For receipts the built-in reader is unsure of, the text it read from the receipt (not the "
                       "image) is sent to %1.")
                        .arg(server);
        if (m_email->isChecked() && m_receipts->isChecked())
            sent << tr("Your files and receipt images are not sent.");
        else if (m_email->isChecked())
            sent << tr("Your files and receipts are not sent.");
        else if (m_receipts->isChecked())
            sent << tr("Your files, receipt images and emails are not sent.");
        else
            sent << tr("Your files, receipts and emails are not sent.");
        m_privacy->setText(sent.join(u' '));
    }
}

Result<AiSettings> AiSettingsWidget::settings() const
{
    AiSettings settings;
    const QString id = m_provider->currentData().toString();
    if (id.isEmpty())
        return settings;
    const LlmProviderPreset* preset = LlmProviderPresets::find(id);
    settings.provider = preset  ? preset->kind
        : id == CustomAnthropic ? AiSettings::Provider::Anthropic
                                : AiSettings::Provider::OpenAi;
    settings.baseUrl = m_baseUrl->text().trimmed();
    settings.model = m_model->currentText().trimmed();
    settings.features.chat = m_chat->isChecked();
    settings.features.receipts = m_receipts->isChecked();
    settings.features.email = m_email->isChecked();
    settings.features.categorization = m_categorization->isChecked();
    const QUrl url(settings.baseUrl);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty())
        return Error::invalidInput(tr("Enter the server's address, like https://api.openai.com/v1."));
    if (settings.model.isEmpty())
        return Error::invalidInput(tr("Choose or type the model to use."));
    const QString cap = m_cap->text().trimmed();
    if (!cap.isEmpty()) {
        auto money = Money::parse(cap, Currency::fromCode(CapCurrency), m_session->locale());
        if (!money || money->minor() < 0)
            return Error::invalidInput(tr("The monthly cap “%1” is not an amount.").arg(cap));
        settings.monthlyCapMicros = money->minor() * (LlmTransaction::MicrosPerUnit / 100);
    }
    return settings;
}

QString AiSettingsWidget::typedKey() const
{
    return m_key->text().trimmed();
}

QString AiSettingsWidget::keyToStore() const
{
    auto chosen = settings();
    if (!chosen || chosen->provider == AiSettings::Provider::None)
        return {};
    return keyName(chosen->provider);
}

Result<void> AiSettingsWidget::save()
{
    auto chosen = settings();
    if (!chosen)
        return chosen.error();
    AiSettingsRepository repository(m_session->database());
    auto saved = repository.save(m_session->userId(), *chosen);
    if (!saved)
        return saved.error();
    return {};
}

void AiSettingsWidget::withKey(const std::function<void(const QString&)>& run)
{
    // A key typed now wins; otherwise the stored one is read from the keychain.
    if (!m_key->text().trimmed().isEmpty() || !m_hasStoredKey || !m_secrets) {
        run(m_key->text().trimmed());
        return;
    }
    auto fields = settings();
    if (!fields) {
        m_testResult->setText(fields.error().message);
        return;
    }
    m_secrets->read(keyName(fields->provider), this, [run](Result<SecretStore::Secret> secret) {
        run(secret ? secret->value.value_or(QString()) : QString());
    });
}

bool AiSettingsWidget::makeProbe(const QString& key)
{
    auto fields = settings();
    if (!fields) {
        m_testResult->setText(fields.error().message);
        return false;
    }
    if (fields->provider == AiSettings::Provider::None)
        return false;
    m_probe = LlmProvider::create(LlmProviderConfig::fromSettings(*fields, key));
    return m_probe != nullptr;
}

void AiSettingsWidget::refreshModels()
{
    withKey([this](const QString& key) {
        if (!makeProbe(key))
            return;
        m_refresh->setEnabled(false);
        m_testResult->setText(tr("Asking the server for its models…"));
        m_probe->listModels(this, [this](Result<QStringList> models) {
            m_refresh->setEnabled(true);
            if (!models) {
                m_testResult->setText(models.error().message);
                return;
            }
            const QString current = m_model->currentText();
            m_model->clear();
            m_model->addItems(*models);
            m_model->setEditText(current.isEmpty() && !models->isEmpty() ? models->first() : current);
            m_testResult->setText(tr("%n model(s) available.", nullptr, int(models->size())));
        });
    });
}

void AiSettingsWidget::testConnection()
{
    withKey([this](const QString& key) {
        if (!makeProbe(key))
            return;
        m_test->setEnabled(false);
        m_testResult->setText(tr("Testing…"));
        m_probe->testConnection(this, [this](Result<QString> line) {
            m_test->setEnabled(true);
            m_testResult->setText(line ? *line : line.error().message);
        });
    });
}

} // namespace Moniagent
