#include "desktoplogging.h"

Q_LOGGING_CATEGORY(lcDesktop, "moniagent.desktop", QtWarningMsg)
