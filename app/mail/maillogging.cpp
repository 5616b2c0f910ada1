#include "maillogging.h"

Q_LOGGING_CATEGORY(lcMail, "moniagent.mail", QtWarningMsg)
