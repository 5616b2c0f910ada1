#include "mailservices.h"

#include "core/job.h"
#include "emailextractionjob.h"
#include "emailfetchjob.h"
#include "jobs/jobrunner.h"
#include "secrets/secretstore.h"
#include "session/session.h"

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
