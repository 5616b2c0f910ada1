#include "imapaccountdialog.h"

#include "common/messagebox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Moniagent {

ImapAccountDialog::ImapAccountDialog(MailAccountConnector* connector, qint64 userId, QWidget* parent)
    : QDialog(parent)
    , m_connector(connector)
    , m_userId(userId)
{
    setObjectName(QStringLiteral("imapAccountDialog"));
    setWindowTitle(tr("Add IMAP Account"));
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("email"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("displayName"));
    m_name->setPlaceholderText(tr("Optional"));
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("imap.example.com"));
    m_security = new QComboBox(this);
    m_security->setObjectName(QStringLiteral("security"));
    m_security->addItem(tr("SSL/TLS"), int(MailServerSecurity::Tls));
    m_security->addItem(tr("STARTTLS"), int(MailServerSecurity::StartTls));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(993);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userName"));
    m_user->setPlaceholderText(tr("Usually the email address"));
    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("authMethod"));
    m_auth->addItem(tr("Password"), false);
    m_auth->addItem(tr("OAuth access token (XOAUTH2)"), true);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(link);"));
    m_error->hide();
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Email address:"), m_email);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("Se&curity:"), m_security);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("Sign &in with:"), m_auth);
    form->addRow(tr("Pass&word:"), m_password);

    auto* note = new QLabel(tr("The password is kept in your system's keychain, never in Moniagent's files. Messages "
                               "are only read: nothing is marked as read, moved or deleted."),
                            this);
    note->setWordWrap(true);
    note->setEnabled(false);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* connectButton = m_buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connect"));
    connectButton->setDefault(true);
    connect(connectButton, &QPushButton::clicked, this, &ImapAccountDialog::connectAccount);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);

    connect(m_security, &QComboBox::currentIndexChanged, this, [this] {
        // The standard port of the other kind of security follows unless the user chose another one.
        const bool tls = MailServerSecurity(m_security->currentData().toInt()) == MailServerSecurity::Tls;
        if (m_port->value() == 993 || m_port->value() == 143)
            m_port->setValue(tls ? 993 : 143);
    });
    connect(m_email, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (!m_userEdited)
            m_user->setText(text.trimmed());
        if (m_host->text().isEmpty() || m_host->property("suggested").toBool()) {
            const QString domain = text.section(u'@', 1).trimmed();
            m_host->setText(domain.isEmpty() ? QString() : QStringLiteral("imap.") + domain);
            m_host->setProperty("suggested", true);
        }
        updateState();
    });
    connect(m_user, &QLineEdit::textEdited, this, [this] { m_userEdited = true; });
    connect(m_host, &QLineEdit::textEdited, this, [this] {
        m_host->setProperty("suggested", false);
        m_pinned.clear(); // a trusted certificate belongs to the server it came from
        updateState();
    });
    connect(m_password, &QLineEdit::textChanged, this, &ImapAccountDialog::updateState);
    connect(m_connector, &MailAccountConnector::connected, this, [this](qint64 id, bool persistent) {
        m_accountId = id;
        m_persistent = persistent;
        accept();
    });
    connect(m_connector, &MailAccountConnector::failed, this, &ImapAccountDialog::onFailed);
    updateState();
    resize(460, sizeHint().height());
}

MailAccountConnector::ImapAccount ImapAccountDialog::account() const
{
    MailAccountConnector::ImapAccount a;
    a.email = m_email->text().trimmed();
    a.displayName = m_name->text().trimmed();
    a.endpoint.host = m_host->text().trimmed();
    a.endpoint.port = m_port->value();
    a.endpoint.security = MailServerSecurity(m_security->currentData().toInt());
    a.endpoint.username = m_user->text().trimmed().isEmpty() ? a.email : m_user->text().trimmed();
    a.endpoint.secret = m_password->text();
    a.endpoint.xoauth2 = m_auth->currentData().toBool();
    a.endpoint.pinnedPublicKeySha256 = m_pinned;
    return a;
}

void ImapAccountDialog::updateState()
{
    const bool busy = m_connector->isBusy();
    const bool complete
        = m_email->text().contains(u'@') && !m_host->text().trimmed().isEmpty() && !m_password->text().isEmpty();
    for (QAbstractButton* button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(complete && !busy);
    }
    for (QWidget* field :
         {static_cast<QWidget*>(m_email), static_cast<QWidget*>(m_name), static_cast<QWidget*>(m_host),
          static_cast<QWidget*>(m_port), static_cast<QWidget*>(m_security), static_cast<QWidget*>(m_user),
          static_cast<QWidget*>(m_auth), static_cast<QWidget*>(m_password)})
        field->setEnabled(!busy);
    m_busy->setVisible(busy);
}

void ImapAccountDialog::connectAccount()
{
    m_error->hide();
    m_connector->connectImap(m_userId, account());
    updateState();
}

void ImapAccountDialog::onFailed(const QString& message, ImapConnection::Failure failure,
                                 const ImapConnection::PresentedCertificate& certificate)
{
    updateState();
    if (failure == ImapConnection::Failure::Certificate && !certificate.publicKeySha256.isEmpty()
        && m_pinned != certificate.publicKeySha256) {
        const QString text
            = tr("<p>%1 presented a certificate that could not be verified. Someone could be "
                 "pretending to be your mail server.</p>"
                 "<p>Issued to: %2<br>Issued by: %3<br>Valid until: %4<br>SHA-256 fingerprint:<br>"
                 "<tt>%5</tt></p>"
                 "<p>Trust this certificate for this account only if you know the server uses it "
                 "(for example, your own server with a self-signed certificate).</p>")
                  .arg(m_host->text().toHtmlEscaped(), certificate.subject.toHtmlEscaped(),
                       certificate.issuer.toHtmlEscaped(), certificate.validUntil, certificate.certificateSha256);
        if (MessageBox::question(this, tr("Untrusted Certificate"), text, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel)
            == QMessageBox::Yes) {
            m_pinned = certificate.publicKeySha256;
            connectAccount();
            return;
        }
    }
    m_error->setText(message);
    m_error->show();
    if (failure == ImapConnection::Failure::Authentication) {
        m_password->setFocus();
        m_password->selectAll();
    }
}

} // namespace Moniagent
