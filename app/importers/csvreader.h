#pragma once

#include "core/result.h"
#include "csvmapping.h"
#include "statement.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

class QIODevice;

namespace Moniagent {

// The raw start of a CSV file as a mapping splits it, for a wizard's table.
struct CsvPreview
{
    QStringList skippedLines; // the lines before the header
    QStringList header; // empty when the mapping says the file has none
    QList<QStringList> rows; // at most the requested number of data rows, blank lines left out
    QList<int> lineNumbers; // the file line each row starts on
    bool endOfFile = false; // the rows are everything the file has
};

// Reads a CSV statement with a CsvMapping into StatementLines, streaming: the device is read in pieces and
// nothing but the current record is held. Rows that cannot be read (bad date, bad amount, too few fields)
// are delivered with StatementLine::error set and reading goes on; only a file that cannot be read at all
// (binary, unreadable, a mapping that does not validate) is an Error.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::CsvReader)

public:
    static Result<StatementInfo> read(QIODevice& device, const CsvMapping& mapping, const StatementReadOptions& options,
                                      const StatementSink& sink);

    // The header and the first `maxRows` rows without interpreting them, reading no more of the file than that.
    static Result<CsvPreview> preview(QIODevice& device, const CsvMapping& mapping, int maxRows);
};

} // namespace Moniagent
