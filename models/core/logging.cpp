#include "logging.h"

Q_LOGGING_CATEGORY(lcDb, "moniagent.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "moniagent.models", QtInfoMsg)
