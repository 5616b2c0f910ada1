#pragma once

#include <QLoggingCategory>

// The job runner and scheduler: QT_LOGGING_RULES="moniagent.jobs.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcJobs)
