#include "csvlogging.h"

Q_LOGGING_CATEGORY(lcImportCsv, "moniagent.import.csv", QtWarningMsg)
