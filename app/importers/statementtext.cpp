#include "statementtext.h"

#include <QLocale>
#include <QStringDecoder>

namespace Moniagent {

namespace {

// Windows-1252 differs from ISO 8859-1 only in 0x80–0x9F; the five unassigned bytes stay C1 controls.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

bool isBlank(const QByteArray& bytes)
{
    for (char c : bytes) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v' && c != '\0')
            return false;
    }
    return true;
}

} // namespace

Result<QByteArray> StatementText::readAll(QIODevice& device, const QString& formatName)
{
    if (!device.isOpen() && !device.open(QIODevice::ReadOnly))
        return Error::invalidInput(tr("The %1 file could not be opened.").arg(formatName), device.errorString());
    const qint64 size = device.isSequential() ? -1 : device.size() - device.pos();
    if (size > MaximumBytes) {
        const QLocale locale;
        return Error::invalidInput(
            tr("This file is too large for a %1 statement (%2; at most %3 are read).")
                .arg(formatName, locale.formattedDataSize(size), locale.formattedDataSize(MaximumBytes)));
    }
    // In chunks, so a sequential device of unknown size costs no more memory than it delivers.
    QByteArray bytes;
    if (size > 0)
        bytes.reserve(size);
    while (bytes.size() <= MaximumBytes) {
        const QByteArray chunk = device.read(qint64(1) << 20);
        if (chunk.isEmpty() && (device.atEnd() || !device.waitForReadyRead(30000)))
            break;
        bytes += chunk;
    }
    if (bytes.size() > MaximumBytes) {
        const QLocale locale;
        return Error::invalidInput(tr("This file is too large for a %1 statement (more than %2).")
                                       .arg(formatName, locale.formattedDataSize(MaximumBytes)));
    }
    QByteArray content = bytes;
    for (const char* bom : {"\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF"}) {
        if (content.startsWith(bom))
            content.remove(0, qsizetype(qstrlen(bom)));
    }
    if (isBlank(content))
        return Error::invalidInput(tr("The %1 file is empty.").arg(formatName));
    return bytes;
}

bool StatementText::isValidUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    Q_UNUSED(text);
    return !decoder.hasError();
}

QString StatementText::decodeWindows1252(const QByteArray& bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    QChar* out = text.data();
    for (char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        *out++ = (byte >= 0x80 && byte < 0xA0) ? QChar(kWindows1252High[byte - 0x80]) : QChar(char16_t(byte));
    }
    return text;
}

StatementText::Decoded StatementText::decode(const QByteArray& bytes)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        QStringDecoder decoder(bytes.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE,
                               QStringDecoder::Flag::Stateless);
        return {decoder.decode(bytes.mid(2)), Encoding::Utf16};
    }
    QByteArray content = bytes;
    if (content.startsWith("\xEF\xBB\xBF"))
        content.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(content);
    if (!decoder.hasError())
        return {std::move(text), Encoding::Utf8};
    return {decodeWindows1252(content), Encoding::Windows1252};
}

Result<Money> StatementText::parseDecimal(const QString& text, const Currency& currency, Rounding& rounding)
{
    Result<Money> exact = Money::fromDecimalString(text, currency);
    if (exact)
        return exact;
    Result<Money> rounded = Money::fromDecimalString(text, currency, Money::Rounding::HalfAwayFromZero);
    if (!rounded)
        return exact;
    if (rounding.count++ == 0) {
        rounding.exampleFrom = text;
        rounding.exampleTo = rounded->toDecimalString();
    }
    return rounded;
}

QString StatementText::roundingWarning(const Rounding& rounding)
{
    if (rounding.count == 0)
        return {};
    return tr("Rounded %n amount(s) with more decimals than the currency has to its smallest unit (for example "
              "%1 became %2).",
              nullptr, rounding.count)
        .arg(rounding.exampleFrom, rounding.exampleTo);
}

StatementInfo StatementText::deliver(QList<StatementLine>& lines, StatementInfo info, const StatementSink& sink)
{
    info.lineCount = 0;
    for (StatementLine& line : lines) {
        ++info.lineCount;
        if (!sink(std::move(line)))
            break;
    }
    return info;
}

} // namespace Moniagent
