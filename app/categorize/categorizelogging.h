#pragma once

#include <QLoggingCategory>

// The categorization engine (rules, learned model): QT_LOGGING_RULES="moniagent.categorize.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCategorize)
