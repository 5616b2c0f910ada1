#include "cliparsing.h"

#include <QCoreApplication>
#include <QLocale>

namespace Moniagent {

Result<QDate> CliParsing::date(const QString& text, QDate today, const QLocale& locale)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("today"), Qt::CaseInsensitive) == 0)
        return today;
    if (t.compare(QLatin1String("yesterday"), Qt::CaseInsensitive) == 0)
        return today.addDays(-1);
    QDate date = QDate::fromString(t, Qt::ISODate);
    if (!date.isValid())
        date = locale.toDate(t, QLocale::ShortFormat);
    if (!date.isValid()) {
        return Error::invalidInput(
            QCoreApplication::translate("Moniagent::CliParsing", "“%1” is not a date; use YYYY-MM-DD.").arg(t));
    }
    return date;
}

Result<int> CliParsing::positiveInt(const QString& text, const QString& option)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0) {
        return Error::invalidInput(
            QCoreApplication::translate("Moniagent::CliParsing", "--%1 needs a whole number of zero or more, not “%2”.")
                .arg(option, text));
    }
    return value;
}

} // namespace Moniagent
