#pragma once

#include "core/result.h"

#include <QDate>

namespace Moniagent {

// Values typed on the command line.
class CliParsing
{
public:
    // "2024-03-01", "today", "yesterday", or a date in the given locale's short format.
    static Result<QDate> date(const QString& text, QDate today, const QLocale& locale);
    static Result<int> positiveInt(const QString& text, const QString& option);
};

} // namespace Moniagent
