#pragma once

#include <QLoggingCategory>

// Desktop integration (single instance, tray): QT_LOGGING_RULES="moniagent.desktop.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcDesktop)
