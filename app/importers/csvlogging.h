#pragma once

#include <QLoggingCategory>

// CSV statement import (sniffing, presets): QT_LOGGING_RULES="moniagent.import.csv.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcImportCsv)
