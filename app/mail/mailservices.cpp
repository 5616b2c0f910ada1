#include "mailservices.h"

#include "core/job.h"
#include "emailextractionjob.h"
#include "emailfetchjob.h"
#include "jobs/jobrunner.h"

namespace Moniagent {

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
