#pragma once

#include <QLoggingCategory>

// Mail accounts, fetching and extraction: QT_LOGGING_RULES="moniagent.mail.debug=true". Never logs a secret.
Q_DECLARE_LOGGING_CATEGORY(lcMail)
