#include "statementformatdetector.h"

#include "csvdecoder.h"
#include "csvdialect.h"

#include <QByteArray>

namespace Moniagent {

namespace {

QStringView extensionOf(QStringView fileName)
{
    const qsizetype dot = fileName.lastIndexOf(u'.');
    const qsizetype slash = qMax(fileName.lastIndexOf(u'/'), fileName.lastIndexOf(u'\\'));
    return dot > slash ? fileName.mid(dot + 1) : QStringView();
}

bool extensionIs(QStringView fileName, std::initializer_list<QStringView> extensions)
{
    const QStringView extension = extensionOf(fileName);
    for (QStringView e : extensions) {
        if (extension.compare(e, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

StatementFormat formatFromExtension(QStringView fileName)
{
    if (extensionIs(fileName, {u"ofx", u"qfx"}))
        return StatementFormat::Ofx;
    if (extensionIs(fileName, {u"qif"}))
        return StatementFormat::Qif;
    if (extensionIs(fileName, {u"csv", u"tsv", u"txt"}))
        return StatementFormat::Csv;
    if (extensionIs(fileName, {u"xml", u"camt", u"053"}))
        return StatementFormat::Camt053;
    return StatementFormat::Unknown;
}

bool startsWith(QByteArrayView text, QByteArrayView prefix)
{
    return text.size() >= prefix.size()
        && QByteArrayView(text.first(prefix.size())).compare(prefix, Qt::CaseInsensitive) == 0;
}

} // namespace

StatementFormat StatementFormatDetector::detect(QByteArrayView head, QStringView fileName)
{
    if (head.isEmpty() || isReceiptFile(QStringView(), head)) // images and PDFs, whatever their name
        return StatementFormat::Unknown;
    const CsvDialect::EncodingGuess encoding = CsvDialect::detectEncoding(head);
    if (CsvDialect::looksBinary(head, encoding.encoding))
        return StatementFormat::Unknown;
    // The markers are ASCII: look for them in UTF-8 whatever the file's encoding.
    QByteArray text;
    if (encoding.encoding == CsvEncoding::Utf16LE || encoding.encoding == CsvEncoding::Utf16BE) {
        QString decoded;
        CsvDecoder(encoding.encoding).decode(head, decoded);
        text = decoded.toUtf8();
    } else {
        text = head.toByteArray();
        if (encoding.bom)
            text.remove(0, 3);
    }
    const QByteArrayView body = QByteArrayView(text).trimmed();

    const QByteArray upper = text.toUpper();
    if (startsWith(body, "OFXHEADER") || upper.contains("<?OFX") || upper.contains("<OFX>"))
        return StatementFormat::Ofx;
    if (text.contains("urn:iso:std:iso:20022:tech:xsd:camt.053"))
        return StatementFormat::Camt053;
    if (startsWith(body, "!Type:") || startsWith(body, "!Account") || startsWith(body, "!Option")
        || startsWith(body, "!Clear:"))
        return StatementFormat::Qif;

    const StatementFormat byExtension = formatFromExtension(fileName);
    if (body.startsWith('<')) // XML or SGML that is neither OFX nor CAMT.053
        return byExtension == StatementFormat::Ofx ? StatementFormat::Ofx : StatementFormat::Unknown;
    // A table with dates and amounts; a table without them is a CSV only when its name says so.
    if (auto sniff = CsvDialect::sniff(head, head.size() < HeadBytes); sniff && sniff->complete)
        return StatementFormat::Csv;
    // Text the content does not place: the extension decides, and the reader will say what is wrong with it.
    return byExtension == StatementFormat::Camt053 ? StatementFormat::Unknown : byExtension;
}

bool StatementFormatDetector::isReceiptFile(QStringView fileName, QByteArrayView head)
{
    if (head.isEmpty())
        return extensionIs(fileName, {u"jpg", u"jpeg", u"png", u"tif", u"tiff", u"bmp", u"webp", u"pdf"});
    const auto* b = reinterpret_cast<const quint8*>(head.data());
    const qsizetype n = head.size();
    if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        return true; // JPEG
    if (head.startsWith(QByteArrayView("\x89PNG\r\n\x1a\n", 8)))
        return true;
    if (head.startsWith(QByteArrayView("II*\0", 4)) || head.startsWith(QByteArrayView("MM\0*", 4)))
        return true; // TIFF
    if (n >= 12 && head.startsWith("RIFF") && head.sliced(8, 4) == "WEBP")
        return true;
    // BMP: "BM", then a file size, four zero bytes and a known DIB header size ("BMW;…" is a CSV).
    if (n >= 18 && b[0] == 'B' && b[1] == 'M' && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0) {
        const quint32 dib = quint32(b[14]) | quint32(b[15]) << 8 | quint32(b[16]) << 16 | quint32(b[17]) << 24;
        if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124)
            return true;
    }
    // PDF: "%PDF-" within the first KiB (some writers put junk before it).
    return QByteArrayView(head.first(qMin<qsizetype>(n, 1024))).indexOf("%PDF-") >= 0;
}

} // namespace Moniagent
