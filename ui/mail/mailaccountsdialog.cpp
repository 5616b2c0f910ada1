#include "mailaccountsdialog.h"

#include "common/messagebox.h"
#include "core/job.h"
#include "db/connectedaccountrepository.h"
#include "db/emailrepository.h"
#include "imapaccountdialog.h"
#include "jobs/jobrunner.h"
#include "mail/mailaccountconnector.h"
#include "mail/mailservices.h"
#include "oauthsignindialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Moniagent {

namespace {
constexpr int AccountIdRole = Qt::UserRole;
} // namespace

MailAccountsDialog::MailAccountsDialog(ConnectedAccountRepository* accounts, EmailRepository* emails,
                                       MailAccountConnector* connector, JobRunner* runner, qint64 userId,
                                       QWidget* parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_emails(emails)
    , m_connector(connector)
    , m_runner(runner)
    , m_userId(userId)
{
    setObjectName(QStringLiteral("mailAccountsDialog"));
    setWindowTitle(tr("Mail Accounts"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("accounts"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Account"), tr("Status"), tr("Last Sync"), tr("Messages")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->setAccessibleName(tr("Connected mail accounts"));
    m_empty = new QLabel(tr("No mailbox is connected yet. Add one and Moniagent turns receipts and order "
                            "confirmations into transactions for you to confirm."),
                         this);
    m_empty->setWordWrap(true);

    auto* addGmail = new QPushButton(tr("Add &Gmail…"), this);
    addGmail->setObjectName(QStringLiteral("addGmail"));
    auto* addOutlook = new QPushButton(tr("Add &Outlook…"), this);
    addOutlook->setObjectName(QStringLiteral("addOutlook"));
    addOutlook->setToolTip(tr("Outlook.com, Hotmail and Microsoft 365 mailboxes"));
    auto* add = new QPushButton(tr("Add &IMAP Account…"), this);
    add->setObjectName(QStringLiteral("addImap"));
    m_sync = new QPushButton(tr("&Sync Now"), this);
    m_sync->setObjectName(QStringLiteral("syncNow"));
    m_disconnect = new QPushButton(tr("&Disconnect…"), this);
    m_disconnect->setObjectName(QStringLiteral("disconnect"));
    m_signInAgain = new QPushButton(tr("Sign In &Again…"), this);
    m_signInAgain->setObjectName(QStringLiteral("signInAgain"));
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(addGmail);
    buttons->addWidget(addOutlook);
    buttons->addWidget(add);
    buttons->addSpacing(12);
    buttons->addWidget(m_sync);
    buttons->addWidget(m_signInAgain);
    buttons->addWidget(m_disconnect);
    buttons->addStretch();

    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("interval"));
    m_interval->setRange(0, 24 * 60);
    m_interval->setSingleStep(5);
    m_interval->setSuffix(tr(" min"));
    m_interval->setSpecialValueText(tr("Only when I ask"));
    m_interval->setValue(QSettings().value(QStringLiteral("mail/syncIntervalMinutes"), 15).toInt());
    auto* intervalRow = new QHBoxLayout;
    auto* intervalLabel = new QLabel(tr("Check for new mail &every:"), this);
    intervalLabel->setBuddy(m_interval);
    intervalRow->addWidget(intervalLabel);
    intervalRow->addWidget(m_interval);

    // Which Gmail messages are read: Gmail's own search syntax, the default when empty.
    m_gmailQuery = new QLineEdit(this);
    m_gmailQuery->setObjectName(QStringLiteral("gmailQuery"));
    m_gmailQuery->setPlaceholderText(MailServices().gmailQuery);
    m_gmailQuery->setText(QSettings().value(MailServices::GmailQueryKey).toString());
    m_gmailQuery->setClearButtonEnabled(true);
    m_gmailQuery->setToolTip(tr("Which Gmail messages Moniagent reads, in Gmail's search syntax. Leave it empty for "
                                "the default. Applies from the next sync."));
    auto* queryLabel = new QLabel(tr("Gmail &search:"), this);
    queryLabel->setBuddy(m_gmailQuery);
    intervalRow->addSpacing(16);
    intervalRow->addWidget(queryLabel);
    intervalRow->addWidget(m_gmailQuery, 1);
    connect(m_gmailQuery, &QLineEdit::editingFinished, this, [this] {
        const QString query = m_gmailQuery->text().trimmed();
        if (query.isEmpty())
            QSettings().remove(MailServices::GmailQueryKey);
        else
            QSettings().setValue(MailServices::GmailQueryKey, query);
    });

    auto* top = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addWidget(m_empty);
    top->addLayout(left, 1);
    top->addLayout(buttons);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // Enter in the Gmail search saves it; it must not press a button (open a sign-in, close the window).
    for (QPushButton* button : findChildren<QPushButton*>())
        button->setAutoDefault(false);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(intervalRow);
    layout->addWidget(close);

    connect(add, &QPushButton::clicked, this, &MailAccountsDialog::addImapAccount);
    connect(addGmail, &QPushButton::clicked, this, [this] { addOAuthAccount(MailProvider::Gmail); });
    connect(addOutlook, &QPushButton::clicked, this, [this] { addOAuthAccount(MailProvider::Outlook); });
    connect(m_signInAgain, &QPushButton::clicked, this, &MailAccountsDialog::signInAgainSelected);
    connect(m_sync, &QPushButton::clicked, this, &MailAccountsDialog::syncSelected);
    connect(m_disconnect, &QPushButton::clicked, this, &MailAccountsDialog::disconnectSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &MailAccountsDialog::updateButtons);
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int minutes) {
        QSettings().setValue(QStringLiteral("mail/syncIntervalMinutes"), minutes);
        Q_EMIT intervalChanged(minutes);
    });
    connect(m_accounts, &ConnectedAccountRepository::changed, this, [this](qint64 user) {
        if (user == m_userId)
            reload();
    });
    if (m_runner)
        connect(m_runner, &JobRunner::jobFinished, this, [this] { reload(); });
    reload();
    resize(720, 360);
}

void MailAccountsDialog::reload()
{
    const qint64 selected = selectedAccount();
    m_list->clear();
    const auto accounts = m_accounts->list(m_userId);
    if (accounts) {
        const QLocale locale;
        for (const ConnectedAccount& account : *accounts) {
            auto* item = new QTreeWidgetItem(m_list);
            item->setData(0, AccountIdRole, account.id);
            item->setText(0,
                          account.displayName.isEmpty()
                              ? account.email
                              : QStringLiteral("%1 <%2>").arg(account.displayName, account.email));
            item->setToolTip(
                0,
                account.server.host.isEmpty()
                    ? ConnectedAccountEnums::displayName(account.provider)
                    : tr("%1 · %2").arg(ConnectedAccountEnums::displayName(account.provider), account.server.host));
            item->setData(1, Qt::UserRole, ConnectedAccountEnums::key(account.provider));
            item->setData(2, Qt::UserRole, account.authMethod == MailAuthMethod::OAuth);
            const MailSyncStatus status = account.isRevoked() ? MailSyncStatus::NeedsSignIn : account.sync.status;
            item->setText(1, ConnectedAccountEnums::displayName(status));
            if (!account.sync.lastError.isEmpty())
                item->setToolTip(1, account.sync.lastError);
            item->setText(2,
                          account.sync.lastSyncAt.isValid()
                              ? locale.toString(account.sync.lastSyncAt.toLocalTime(), QLocale::ShortFormat)
                              : tr("Never"));
            qint64 total = 0;
            qint64 read = 0;
            if (const auto counts = m_emails->countByStatus(m_userId, account.id)) {
                for (auto it = counts->cbegin(); it != counts->cend(); ++it)
                    total += it.value();
                read = counts->value(EmailExtractionStatus::Completed);
            }
            item->setText(3, tr("%1 (%2 with a purchase)").arg(locale.toString(total), locale.toString(read)));
            if (account.id == selected)
                item->setSelected(true);
        }
    }
    m_list->setVisible(m_list->topLevelItemCount() > 0);
    m_empty->setVisible(m_list->topLevelItemCount() == 0);
    if (m_list->topLevelItemCount() > 0 && m_list->selectedItems().isEmpty())
        m_list->topLevelItem(0)->setSelected(true);
    updateButtons();
}

qint64 MailAccountsDialog::selectedAccount() const
{
    const auto items = m_list->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(0, AccountIdRole).toLongLong();
}

void MailAccountsDialog::updateButtons()
{
    const bool any = selectedAccount() != 0;
    m_sync->setEnabled(any && m_runner);
    m_disconnect->setEnabled(any);
    const auto items = m_list->selectedItems();
    m_signInAgain->setEnabled(!items.isEmpty() && items.first()->data(2, Qt::UserRole).toBool());
}

void MailAccountsDialog::addImapAccount()
{
    ImapAccountDialog dialog(m_connector, m_userId, this);
    if (dialog.exec() == QDialog::Accepted)
        accountAdded(dialog.accountId(), dialog.secretPersistent());
}

void MailAccountsDialog::addOAuthAccount(MailProvider provider)
{
    OAuthSignInDialog dialog(provider, m_connector, m_userId, this);
    if (dialog.exec() == QDialog::Accepted)
        accountAdded(dialog.accountId(), dialog.secretPersistent());
}

void MailAccountsDialog::signInAgainSelected()
{
    const auto items = m_list->selectedItems();
    if (items.isEmpty())
        return;
    if (const auto provider = ConnectedAccountEnums::providerFromKey(items.first()->data(1, Qt::UserRole).toString()))
        addOAuthAccount(*provider);
}

void MailAccountsDialog::accountAdded(qint64 accountId, bool secretPersistent)
{
    if (!secretPersistent)
        MessageBox::information(this, tr("Sign-In Not Saved"),
                                tr("Your system has no keychain Moniagent can use, so the password or sign-in is "
                                   "kept only until Moniagent quits. You will be asked again next time."));
    reload();
    if (m_runner)
        (void)m_runner->enqueueUnlessPending(m_userId, JobTypes::EmailFetch, JobTrigger::Manual,
                                             {{QStringLiteral("accountId"), accountId}});
}

void MailAccountsDialog::syncSelected()
{
    const qint64 id = selectedAccount();
    if (!id || !m_runner)
        return;
    auto queued = m_runner->enqueueUnlessPending(m_userId, JobTypes::EmailFetch, JobTrigger::Manual,
                                                 {{QStringLiteral("accountId"), id}});
    if (!queued)
        MessageBox::warning(this, tr("Sync Now"), queued.error().message);
}

void MailAccountsDialog::disconnectSelected()
{
    const qint64 id = selectedAccount();
    if (!id)
        return;
    const auto account = m_accounts->find(m_userId, id);
    if (!account)
        return;
    if (MessageBox::question(this, tr("Disconnect Account"),
                             tr("Disconnect %1? Its password or sign-in is removed from the keychain (and Moniagent's "
                                "access is withdrawn at the provider where that is possible) and its fetched emails "
                                "are deleted from Moniagent. Transactions made from them stay in your ledger; "
                                "nothing changes in the mailbox itself.")
                                 .arg(account->email),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    m_connector->disconnectAccount(m_userId, id, [this](Result<void> done) {
        if (!done)
            MessageBox::warning(this, tr("Disconnect Account"), done.error().message);
        reload();
    });
}

} // namespace Moniagent
