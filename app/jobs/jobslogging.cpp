#include "jobslogging.h"

Q_LOGGING_CATEGORY(lcJobs, "moniagent.jobs", QtInfoMsg)
