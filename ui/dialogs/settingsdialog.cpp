#include "settingsdialog.h"

#include "aisettingswidget.h"
#include "categorizationsettingswidget.h"
#include "common/messagebox.h"
#include "core/currency.h"
#include "core/money.h"
#include "core/notificationpreferences.h"
#include "session/session.h"
#include "tray/closetotray.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace Moniagent {

SettingsDialog::SettingsDialog(Session* session, SecretStore* secrets, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_name(new QLineEdit(this))
    , m_currency(new QComboBox(this))
    , m_locale(new QComboBox(this))
    , m_localePreview(new QLabel(this))
    , m_dataFolder(new QLineEdit(this))
    , m_budgetWarnings(new QCheckBox(tr("Tell me when a budget reaches its &alert threshold"), this))
    , m_budgetExceeded(new QCheckBox(tr("Tell me when a budget is &exceeded"), this))
    , m_categorization(session->categorizer() ? new CategorizationSettingsWidget(session->categorizer(), this)
                                              : nullptr)
    , m_ai(new AiSettingsWidget(session, secrets, this))
    , m_closeToTray(CloseToTray::createCheckBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    const User& user = session->user();

    m_name->setObjectName(QStringLiteral("profileName"));
    m_name->setText(user.username);
    m_currency->setObjectName(QStringLiteral("profileCurrency"));
    const QLocale current = session->locale();
    QStringList codes = Currency::commonCodes();
    if (!codes.contains(user.baseCurrency))
        codes.prepend(user.baseCurrency);
    for (const QString& code : std::as_const(codes))
        m_currency->addItem(QStringLiteral("%1 — %2").arg(code, Currency::fromCode(code).displayName(current)), code);
    m_currency->setCurrentIndex(m_currency->findData(user.baseCurrency));

    m_locale->setObjectName(QStringLiteral("profileLocale"));
    const QString systemName = QLocale::system().nativeLanguageName();
    m_locale->addItem(systemName.isEmpty() ? tr("System default") : tr("System default (%1)").arg(systemName),
                      QString());
    QList<QLocale> locales = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
    locales.erase(std::remove_if(locales.begin(), locales.end(),
                                 [](const QLocale& l) {
                                     // Some locales have no native names in Qt's data: they would show as "()".
                                     return l.language() == QLocale::C || l.territory() == QLocale::AnyTerritory
                                         || l.nativeLanguageName().isEmpty() || l.nativeTerritoryName().isEmpty();
                                 }),
                  locales.end());
    std::sort(locales.begin(), locales.end(), [](const QLocale& a, const QLocale& b) {
        return QString::localeAwareCompare(a.nativeLanguageName(), b.nativeLanguageName()) < 0;
    });
    for (const QLocale& locale : std::as_const(locales)) {
        m_locale->addItem(QStringLiteral("%1 (%2)").arg(locale.nativeLanguageName(), locale.nativeTerritoryName()),
                          locale.name());
    }
    if (!user.locale.isEmpty() && m_locale->findData(user.locale) < 0) {
        // Keep the profile's choice selectable even when Qt has no native names for it.
        const QLocale own(user.locale);
        const QString language
            = own.nativeLanguageName().isEmpty() ? QLocale::languageToString(own.language()) : own.nativeLanguageName();
        m_locale->addItem(QStringLiteral("%1 (%2)").arg(language, user.locale), user.locale);
    }
    m_locale->setCurrentIndex(std::max(0, m_locale->findData(user.locale)));
    m_localePreview->setObjectName(QStringLiteral("localePreview"));
    connect(m_locale, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateLocalePreview);
    connect(m_currency, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateLocalePreview);
    updateLocalePreview();

    auto* profile = new QGroupBox(tr("Profile"), this);
    auto* profileForm = new QFormLayout(profile);
    profileForm->addRow(tr("Name:"), m_name);
    profileForm->addRow(tr("Main currency:"), m_currency);
    profileForm->addRow(tr("Language and formats:"), m_locale);
    profileForm->addRow(QString(), m_localePreview);

    const NotificationPreferences notifications = NotificationPreferences::fromJson(user.notificationPreferences);
    m_budgetWarnings->setObjectName(QStringLiteral("budgetWarnings"));
    m_budgetWarnings->setChecked(notifications.warnings);
    m_budgetExceeded->setObjectName(QStringLiteral("budgetExceeded"));
    m_budgetExceeded->setChecked(notifications.exceeded);
    auto* notificationsBox = new QGroupBox(tr("Budget Alerts"), this);
    auto* notificationsLayout = new QVBoxLayout(notificationsBox);
    notificationsLayout->addWidget(m_budgetWarnings);
    notificationsLayout->addWidget(m_budgetExceeded);
    auto* windowBox = new QGroupBox(tr("Window"), this);
    auto* windowLayout = new QVBoxLayout(windowBox);
    windowLayout->addWidget(m_closeToTray);

    auto* dataBox = new QGroupBox(tr("Data"), this);
    auto* dataForm = new QFormLayout(dataBox);
    m_dataFolder->setObjectName(QStringLiteral("dataFolder"));
    m_dataFolder->setReadOnly(true);
    m_dataFolder->setText(QDir::toNativeSeparators(QFileInfo(session->database()->path()).absolutePath()));
    auto* open = new QPushButton(tr("Open Folder"), this);
    connect(open, &QPushButton::clicked, this, [this]() {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QDir::fromNativeSeparators(m_dataFolder->text())));
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_dataFolder, 1);
    folderRow->addWidget(open);
    dataForm->addRow(tr("Data folder:"), folderRow);
    auto* note
        = new QLabel(tr("Your ledger, receipts and settings live here. Back up this folder to keep them safe."), this);
    note->setWordWrap(true);
    dataForm->addRow(QString(), note);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    // One tab per subject, so the dialog stays short as settings are added.
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("settingsTabs"));
    const auto page = [tabs](const QString& title, const QList<QWidget*>& boxes) {
        auto* widget = new QWidget(tabs);
        auto* column = new QVBoxLayout(widget);
        for (QWidget* box : boxes) {
            if (box)
                column->addWidget(box);
        }
        column->addStretch(1);
        tabs->addTab(widget, title);
    };
    page(tr("&General"), {profile, dataBox});
    if (m_categorization)
        page(tr("&Categorization"), {m_categorization});
    page(tr("&Assistant && AI"), {m_ai});
    page(tr("&Notifications"), {notificationsBox, windowBox});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

void SettingsDialog::updateLocalePreview()
{
    const QString name = m_locale->currentData().toString();
    const QLocale locale = name.isEmpty() ? QLocale::system() : QLocale(name);
    const Money sample = Money::fromMinor(123456789, m_currency->currentData().toString());
    m_localePreview->setText(
        tr("Example: %1 · %2")
            .arg(sample.toString(locale), locale.toString(m_session->clock().today(), QLocale::ShortFormat)));
}

void SettingsDialog::accept()
{
    // The AI settings are checked first: a wrong address keeps the dialog open with nothing saved.
    const auto ai = m_ai->settings();
    if (!ai) {
        MessageBox::warning(this, tr("Settings"), ai.error().message);
        return;
    }
    if (m_categorization) {
        auto saved = m_categorization->save(ai->isConfigured() && ai->features.categorization);
        if (!saved) {
            MessageBox::warning(this, tr("Settings"), saved.error().message, saved.error().detail);
            return;
        }
    }
    User user = m_session->user();
    const QString oldLanguage = m_session->locale().name().section(u'_', 0, 0);
    user.username = m_name->text().trimmed();
    user.baseCurrency = m_currency->currentData().toString();
    user.locale = m_locale->currentData().toString();
    NotificationPreferences notifications = NotificationPreferences::fromJson(user.notificationPreferences);
    notifications.warnings = m_budgetWarnings->isChecked();
    notifications.exceeded = m_budgetExceeded->isChecked();
    user.notificationPreferences = notifications.toJson(user.notificationPreferences);
    auto saved = m_session->users()->updateProfile(m_session->userId(), user);
    if (!saved) {
        MessageBox::warning(this, tr("Settings"), saved.error().message, saved.error().detail);
        return;
    }
    auto reloaded = m_session->reloadUser();
    if (!reloaded) {
        MessageBox::warning(this, tr("Settings"), reloaded.error().message, reloaded.error().detail);
        return;
    }
    if (auto savedAi = m_ai->save(); !savedAi) {
        MessageBox::warning(this, tr("Settings"), savedAi.error().message, savedAi.error().detail);
        return;
    }
    m_languageChanged = m_session->locale().name().section(u'_', 0, 0) != oldLanguage;
    if (m_closeToTray->isEnabled())
        CloseToTray::setEnabled(m_closeToTray->isChecked());
    QDialog::accept();
}

} // namespace Moniagent
