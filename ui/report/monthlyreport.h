#pragma once

#include "core/result.h"
#include "dashboard/dashboarddata.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QLocale>

class QIODevice;

namespace Moniagent {

class Session;

// The monthly report as a PDF (A4, three pages): the month in numbers against the month before, the
// dashboard's charts, every budget with its status, and the largest expenses. Charts are drawn with Qt Charts,
// so a QApplication must exist (offscreen is fine); everything runs on the calling (GUI) thread.
class MonthlyReport
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::MonthlyReport)
public:
    static constexpr int LargestExpenses = 10;
    static constexpr int Pages = 3;

    // Loads the month of the session's profile and writes its report to `path` (all or nothing). Returns the
    // number of pages.
    static Result<int> write(Session* session, QDate month, const QString& path);
    // Writes a month already loaded (with DashboardRequest::largestExpenses set).
    static Result<int> write(const DashboardData& data, const QString& profileName, const QLocale& locale,
                             const QString& path);
    // Paints the report into an open device.
    static Result<int> write(const DashboardData& data, const QString& profileName, const QLocale& locale,
                             QIODevice* device);

    // The pages as pictures (A4 at 96 dpi), as the PDF shows them.
    static QList<QImage> preview(const DashboardData& data, const QString& profileName, const QLocale& locale);

    // The palette reports are drawn with: light, whatever the screen uses.
    static QPalette printPalette();
};

} // namespace Moniagent
