#include "mailservices.h"

#include "core/job.h"
#include "emailextractionjob.h"
#include "emailfetchjob.h"
#include "jobs/jobrunner.h"
#include "oauthconfig.h"
#include "oauthtokenprovider.h"
#include "secrets/secretstore.h"
#include "session/session.h"

#include <QSettings>

namespace Moniagent {

MailServices MailServices::forSession(Session& session, SecretStore& secrets)
{
    MailServices services;
    services.database = session.database();
    services.accounts = session.mailAccounts();
    services.emails = session.emails();
    services.extractions = session.emailExtractions();
    services.transactions = session.transactions();
    services.receipts = session.receipts();
    services.readSecret = [&secrets](const QString& key) {
        return secrets.readFromWorker(key);
    };
    const Currency base = session.baseCurrency();
    services.defaultCurrency = [base](qint64) {
        return base;
    };
    services.archive = MailArchive::beside(*session.database());

    // Gmail and Outlook: tokens renewed on the worker thread, written back to the keychain.
    auto tokens = std::make_shared<OAuthTokenProvider>(
        session.mailAccounts(), [&secrets](const QString& key) { return secrets.readFromWorker(key); },
        [&secrets](const QString& key, const QString& secret) { return secrets.writeFromWorker(key, secret); },
        [](MailProvider provider) { return OAuthConfig::fromSettings(provider); }, session.clock());
    services.accessToken = [tokens](const ConnectedAccount& account, bool forceRefresh) {
        return tokens->accessToken(account, forceRefresh);
    };
    // Settings: the receipt query, the first sync's window, and the API roots (national clouds, tests).
    QSettings settings;
    services.gmailQuerySource = [] {
        return QSettings().value(MailServices::GmailQueryKey).toString();
    };
    services.firstSyncDays = qBound(1, settings.value(QStringLiteral("mail/firstSyncDays"), 90).toInt(), 3650);
    const auto url = [&settings](const QString& key, const QUrl& fallback) {
        const QUrl value(settings.value(key).toString().trimmed());
        return value.isValid() && !value.isEmpty() ? value : fallback;
    };
    services.gmailApiUrl = url(QStringLiteral("mail/gmail/apiUrl"), services.gmailApiUrl);
    services.graphApiUrl = url(QStringLiteral("mail/outlook/apiUrl"), services.graphApiUrl);
    return services;
}

void registerMailJobs(JobRunner& runner, const MailServices& services)
{
    const MailServices* shared = &services;
    runner.registerHandler(JobTypes::EmailFetch, [shared] { return std::make_unique<EmailFetchJob>(*shared); });
    runner.registerHandler(JobTypes::EmailExtraction,
                           [shared] { return std::make_unique<EmailExtractionJob>(*shared, false); });
    runner.registerHandler(JobTypes::EmailReprocess,
                           [shared] { return std::make_unique<EmailExtractionJob>(*shared, true); });
}

} // namespace Moniagent
