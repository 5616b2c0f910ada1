#include "logging.h"

Q_LOGGING_CATEGORY(lcDb, "moniagent.db", QtWarningMsg)
Q_LOGGING_CATEGORY(lcModels, "moniagent.models", QtWarningMsg)
