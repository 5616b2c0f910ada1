#pragma once

#include <QLoggingCategory>

// One category per subsystem so a user can switch one on with QT_LOGGING_RULES="moniagent.db.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcDb)
Q_DECLARE_LOGGING_CATEGORY(lcModels)
