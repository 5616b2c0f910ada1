#pragma once

#include "csvdialect.h"
#include "csvmapping.h"
#include "statementimporter.h"

#include <QCoreApplication>
#include <QLocale>

namespace Moniagent {

class CsvPresetStore;

// A statement file on disk, checked and identified: its checksum, its format (by content), and for CSV the
// mapping to read it with (the user's preset for its header, else a shipped one, else what sniffing found).
// open() reads the file once for the checksum; source() reads it again each time the importer asks.
struct StatementFile
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::StatementFile)

public:
    // Files bigger than this are refused before anything is read (a 2 GB "statement" is not one).
    static constexpr qint64 MaxBytes = qint64(1) << 30;

    QString path;
    QString fileName;
    QString sha256; // hex
    qint64 size = 0;
    StatementFormat format = StatementFormat::Unknown;
    // CSV only.
    CsvSniff sniff;
    CsvMapping csvMapping;
    QString csvPresetName; // the preset that matched the header; empty when the mapping was sniffed
    bool csvReady = false; // the mapping names at least the date and amount columns

    // `presets` may be null (no saved presets); `userId` scopes them.
    static Result<StatementFile> open(const QString& path, const CsvPresetStore* presets, qint64 userId,
                                      const QLocale& locale = QLocale());

    // The importer's view of this file; CSV is read with `mapping` (the file's own when null).
    ImportSource source(const CsvMapping* mapping = nullptr) const;

    static QString formatName(StatementFormat format);
};

} // namespace Moniagent
