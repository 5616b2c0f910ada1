#include "ocrlogging.h"

Q_LOGGING_CATEGORY(lcOcr, "moniagent.ocr", QtWarningMsg)
