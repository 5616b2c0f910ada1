#include "statementfile.h"

#include "camt053reader.h"
#include "csvpresetstore.h"
#include "csvreader.h"
#include "ofxreader.h"
#include "qifreader.h"
#include "statementformatdetector.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Moniagent {

namespace {

Error cannotRead(const QString& fileName, const QString& detail)
{
    return {Error::Code::Io, StatementFile::tr("“%1” could not be read.").arg(fileName), detail};
}

} // namespace

QString StatementFile::formatName(StatementFormat format)
{
    switch (format) {
    case StatementFormat::Csv:
        return tr("CSV");
    case StatementFormat::Ofx:
        return tr("OFX");
    case StatementFormat::Qif:
        return tr("QIF");
    case StatementFormat::Camt053:
        return tr("CAMT.053");
    case StatementFormat::Unknown:
        break;
    }
    return tr("unknown");
}

Result<StatementFile> StatementFile::open(const QString& path, const CsvPresetStore* presets, qint64 userId,
                                          const QLocale& locale)
{
    StatementFile file;
    file.path = path;
    file.fileName = QFileInfo(path).fileName();
    QFile device(path);
    if (!device.open(QIODevice::ReadOnly))
        return cannotRead(file.fileName, device.errorString());
    file.size = device.size();
    if (file.size == 0)
        return Error::invalidInput(tr("“%1” is empty.").arg(file.fileName));
    if (file.size > MaxBytes) {
        return Error::invalidInput(
            tr("“%1” is %2; statements larger than %3 are not imported.")
                .arg(file.fileName, locale.formattedDataSize(file.size), locale.formattedDataSize(MaxBytes)));
    }
    const QByteArray head = device.peek(StatementFormatDetector::HeadBytes);
    file.format = StatementFormatDetector::detect(head, file.fileName);
    if (file.format == StatementFormat::Unknown) {
        if (StatementFormatDetector::isReceiptFile(file.fileName, head))
            return Error::invalidInput(tr("“%1” is a receipt or document, not a bank statement.").arg(file.fileName));
        return Error::invalidInput(tr("“%1” is not a statement Moniagent can read: it is not CSV, OFX, QFX, QIF or "
                                      "CAMT.053.")
                                       .arg(file.fileName));
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&device))
        return cannotRead(file.fileName, device.errorString());
    file.sha256 = QString::fromLatin1(hash.result().toHex());

    if (file.format == StatementFormat::Csv) {
        auto sniffed = CsvDialect::sniff(head, file.size <= head.size(), locale);
        if (!sniffed)
            return Error {sniffed.error().code, sniffed.error().message, sniffed.error().detail};
        file.sniff = *sniffed;
        file.csvMapping = sniffed->mapping;
        file.csvReady = sniffed->complete;
        if (presets) {
            auto preset = presets->findBySignature(userId, CsvMapping::headerSignature(sniffed->header));
            if (!preset)
                return preset.error();
            if (*preset) {
                file.csvMapping = CsvPresetStore::mappingFor(**preset, *sniffed);
                file.csvPresetName = (*preset)->name;
                file.csvReady = file.csvMapping.validate().ok();
            }
        }
    }
    return file;
}

ImportSource StatementFile::source(const CsvMapping* mapping) const
{
    ImportSource s;
    s.fileName = fileName;
    s.sha256 = sha256;
    s.format = format;
    const QString filePath = path;
    const StatementFormat fileFormat = format;
    const CsvMapping csv = mapping ? *mapping : csvMapping;
    const QString name = fileName;
    s.read = [filePath, fileFormat, csv, name](const StatementReadOptions& options,
                                               const StatementSink& sink) -> Result<StatementInfo> {
        QFile device(filePath);
        if (!device.open(QIODevice::ReadOnly))
            return cannotRead(name, device.errorString());
        switch (fileFormat) {
        case StatementFormat::Csv:
            return CsvReader::read(device, csv, options, sink);
        case StatementFormat::Ofx:
            return OfxReader::read(device, options, sink);
        case StatementFormat::Qif:
            return QifReader::read(device, options, sink);
        case StatementFormat::Camt053:
            return Camt053Reader::read(device, options, sink);
        case StatementFormat::Unknown:
            break;
        }
        return Error::invalidInput(tr("“%1” is not a statement Moniagent can read.").arg(name));
    };
    return s;
}

} // namespace Moniagent
