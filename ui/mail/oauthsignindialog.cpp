#include "oauthsignindialog.h"

#include "mail/mailaccountconnector.h"
#include "mail/oauthconfig.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

namespace Moniagent {

OAuthSignInDialog::OAuthSignInDialog(MailProvider provider, MailAccountConnector* connector, qint64 userId,
                                     QWidget* parent)
    : QDialog(parent)
    , m_provider(provider)
    , m_connector(connector)
    , m_userId(userId)
{
    setObjectName(QStringLiteral("oauthSignInDialog"));
    const bool google = provider == MailProvider::Gmail;
    setWindowTitle(google ? tr("Connect Gmail") : tr("Connect Outlook"));

    auto* intro = new QLabel(
        google ? tr("Moniagent opens Google's sign-in page in your browser. Sign in and allow Moniagent to "
                    "<b>read</b> your email. It only looks for receipts and order confirmations; it never sends, "
                    "changes or deletes mail. Your sign-in is kept in your system's keychain.")
               : tr("Moniagent opens Microsoft's sign-in page in your browser (work, school or personal account). "
                    "Sign in and allow Moniagent to <b>read</b> your email. It only looks for receipts and order "
                    "confirmations; it never sends, changes or deletes mail. Your sign-in is kept in your "
                    "system's keychain."),
        this);
    intro->setWordWrap(true);

    const OAuthConfig config = OAuthConfig::fromSettings(provider);
    m_registrationToggle = new QToolButton(this);
    m_registrationToggle->setObjectName(QStringLiteral("registrationToggle"));
    m_registrationToggle->setText(tr("App registration"));
    m_registrationToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_registrationToggle->setCheckable(true);
    m_registrationToggle->setAutoRaise(true);
    m_registration = new QWidget(this);
    auto* form = new QFormLayout(m_registration);
    form->setContentsMargins(0, 0, 0, 0);
    auto* explain = new QLabel(
        google ? tr("The OAuth client of a \"Desktop app\" registered in the Google Cloud console, with the Gmail API "
                    "enabled.")
               : tr("The application (client) id of a public client registered in Microsoft Entra, with "
                    "http://localhost as a redirect URI."),
        m_registration);
    explain->setWordWrap(true);
    form->addRow(explain);
    m_clientId = new QLineEdit(config.clientId, m_registration);
    m_clientId->setObjectName(QStringLiteral("clientId"));
    m_clientId->setAccessibleName(tr("Client ID"));
    form->addRow(tr("Client &ID:"), m_clientId);
    if (google) {
        m_clientSecret = new QLineEdit(config.clientSecret, m_registration);
        m_clientSecret->setObjectName(QStringLiteral("clientSecret"));
        m_clientSecret->setAccessibleName(tr("Client secret"));
        m_clientSecret->setToolTip(tr("Google gives desktop clients a secret that is not secret; it is stored in "
                                      "Moniagent's settings."));
        form->addRow(tr("Client &secret:"), m_clientSecret);
    }
    connect(m_registrationToggle, &QToolButton::toggled, this, &OAuthSignInDialog::showRegistration);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_clientId, &QLineEdit::textEdited, m_status, &QLabel::clear);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Waiting for the sign-in"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("&Sign In…"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setDefault(true);
    m_openAgain = buttons->addButton(tr("&Open Browser Again"), QDialogButtonBox::ActionRole);
    m_openAgain->setObjectName(QStringLiteral("openAgain"));
    connect(m_signIn, &QPushButton::clicked, this, &OAuthSignInDialog::signIn);
    connect(m_openAgain, &QPushButton::clicked, this, [this] {
        if (const QUrl url = m_connector->signInUrl(); url.isValid())
            QDesktopServices::openUrl(url);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &OAuthSignInDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_registrationToggle);
    layout->addWidget(m_registration);
    layout->addWidget(m_status);
    layout->addWidget(m_busy);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_connector, &MailAccountConnector::browserRequested, this, [this](const QUrl& url) {
        m_status->setText(tr("Waiting for you to finish signing in in your browser…"));
        if (!QDesktopServices::openUrl(url))
            m_status->setText(
                tr("Moniagent could not open a browser. Open this address yourself:\n%1").arg(url.toString()));
    });
    connect(m_connector, &MailAccountConnector::connected, this, [this](qint64 accountId, bool persistent) {
        m_accountId = accountId;
        m_persistent = persistent;
        setRunning(false);
        accept();
    });
    connect(m_connector, &MailAccountConnector::failed, this, [this](const QString& message) {
        setRunning(false);
        m_status->setText(message);
    });
    connect(m_connector, &MailAccountConnector::signInCancelled, this, [this] { setRunning(false); });

    // Without a client id there is nothing to sign in with: show where to enter it.
    m_registrationToggle->setChecked(config.clientId.isEmpty());
    showRegistration(config.clientId.isEmpty());
    setRunning(false);
    resize(520, sizeHint().height());
}

void OAuthSignInDialog::showRegistration(bool show)
{
    m_registration->setVisible(show);
    m_registrationToggle->setArrowType(show ? Qt::DownArrow : Qt::RightArrow);
}

void OAuthSignInDialog::setRunning(bool running)
{
    m_busy->setVisible(running);
    m_openAgain->setVisible(running);
    m_signIn->setEnabled(!running);
    m_registration->setEnabled(!running);
}

void OAuthSignInDialog::signIn()
{
    const QString clientId = m_clientId->text().trimmed();
    if (clientId.isEmpty()) {
        showRegistration(true);
        m_registrationToggle->setChecked(true);
        m_status->setText(tr("Enter the client id of Moniagent's app registration first."));
        m_clientId->setFocus();
        return;
    }
    QSettings settings;
    settings.beginGroup(OAuthConfig::settingsGroup(m_provider));
    settings.setValue(QStringLiteral("clientId"), clientId);
    if (m_clientSecret)
        settings.setValue(QStringLiteral("clientSecret"), m_clientSecret->text().trimmed());
    settings.endGroup();
    m_status->setText(tr("Opening the sign-in page…"));
    setRunning(true);
    m_connector->connectOAuth(m_userId, OAuthConfig::fromSettings(m_provider));
}

void OAuthSignInDialog::reject()
{
    if (m_connector->isBusy())
        m_connector->cancelSignIn();
    QDialog::reject();
}

} // namespace Moniagent
