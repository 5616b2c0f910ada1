#include "categorizelogging.h"

Q_LOGGING_CATEGORY(lcCategorize, "moniagent.categorize", QtWarningMsg)
