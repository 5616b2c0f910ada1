#include "receiptreader.h"

#include "paymentcode.h"
#include "rereadmerge.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QMap>

#include <algorithm>

namespace Moniagent {

namespace {

QJsonArray boxToJson(const QRect& box)
{
    return {box.x(), box.y(), box.width(), box.height()};
}

QRect boxFromJson(const QJsonValue& value)
{
    const QJsonArray a = value.toArray();
    return a.size() == 4 ? QRect(a.at(0).toInt(), a.at(1).toInt(), a.at(2).toInt(), a.at(3).toInt()) : QRect();
}

QJsonObject pageToJson(const OcrPage& page)
{
    QJsonArray words;
    for (const OcrWord& w : page.words)
        words.append(QJsonArray {w.text, w.box.x(), w.box.y(), w.box.width(), w.box.height(), w.confidence, w.line});
    QJsonArray lines;
    for (const OcrLine& l : page.lines) {
        lines.append(QJsonObject {{QStringLiteral("text"), l.text},
                                  {QStringLiteral("box"), boxToJson(l.box)},
                                  {QStringLiteral("confidence"), l.confidence},
                                  {QStringLiteral("block"), l.block},
                                  {QStringLiteral("firstWord"), l.firstWord},
                                  {QStringLiteral("wordCount"), l.wordCount}});
    }
    return {{QStringLiteral("index"), page.index},
            {QStringLiteral("width"), page.size.width()},
            {QStringLiteral("height"), page.size.height()},
            {QStringLiteral("dpi"), page.dpi},
            {QStringLiteral("rotation"), page.rotation},
            {QStringLiteral("source"), page.source},
            {QStringLiteral("words"), words},
            {QStringLiteral("lines"), lines}};
}

OcrPage pageFromJson(const QJsonObject& json)
{
    OcrPage page;
    page.index = json.value(QStringLiteral("index")).toInt();
    page.size = QSize(json.value(QStringLiteral("width")).toInt(), json.value(QStringLiteral("height")).toInt());
    page.dpi = json.value(QStringLiteral("dpi")).toInt();
    page.rotation = json.value(QStringLiteral("rotation")).toInt();
    page.source = json.value(QStringLiteral("source")).toString();
    const QJsonArray words = json.value(QStringLiteral("words")).toArray();
    page.words.reserve(words.size());
    for (const QJsonValue& value : words) {
        const QJsonArray w = value.toArray();
        if (w.size() < 7)
            continue;
        page.words.append({w.at(0).toString(),
                           QRect(w.at(1).toInt(), w.at(2).toInt(), w.at(3).toInt(), w.at(4).toInt()),
                           float(w.at(5).toDouble()), w.at(6).toInt()});
    }
    const QJsonArray lines = json.value(QStringLiteral("lines")).toArray();
    page.lines.reserve(lines.size());
    for (const QJsonValue& value : lines) {
        const QJsonObject l = value.toObject();
        OcrLine line;
        line.text = l.value(QStringLiteral("text")).toString();
        line.box = boxFromJson(l.value(QStringLiteral("box")));
        line.confidence = float(l.value(QStringLiteral("confidence")).toDouble());
        line.block = l.value(QStringLiteral("block")).toInt();
        line.firstWord = l.value(QStringLiteral("firstWord")).toInt();
        line.wordCount = l.value(QStringLiteral("wordCount")).toInt();
        if (line.firstWord < 0 || line.wordCount < 0 || line.firstWord + line.wordCount > page.words.size())
            line.wordCount = 0, line.firstWord = 0;
        page.lines.append(line);
    }
    return page;
}

float draftScore(const ReceiptDraft& draft)
{
    return draft.confidence(QString::fromLatin1(ReceiptDraft::Total))
        + draft.confidence(QString::fromLatin1(ReceiptDraft::Date));
}

} // namespace

QJsonObject ReceiptReading::extractedData() const
{
    QJsonArray pages;
    for (const OcrPage& page : document.pages)
        pages.append(pageToJson(page));
    QJsonArray codes;
    for (const DecodedCode& code : document.codes) {
        codes.append(QJsonObject {{QStringLiteral("format"), code.format},
                                  {QStringLiteral("text"), code.text},
                                  {QStringLiteral("box"), boxToJson(code.box)},
                                  {QStringLiteral("page"), code.page}});
    }
    return {{QStringLiteral("version"), ExtractedDataVersion},
            {QStringLiteral("engine"), document.engine},
            {QStringLiteral("pages"), pages},
            {QStringLiteral("codes"), codes},
            {QStringLiteral("fields"), draft.toJson()},
            {QStringLiteral("rereads"), rereads},
            {QStringLiteral("ms"), milliseconds}};
}

std::optional<ReceiptReading> ReceiptReading::fromExtractedData(const QJsonObject& data)
{
    if (data.value(QStringLiteral("version")).toInt() != ExtractedDataVersion)
        return std::nullopt;
    ReceiptReading reading;
    reading.document.engine = data.value(QStringLiteral("engine")).toObject();
    for (const QJsonValue& page : data.value(QStringLiteral("pages")).toArray())
        reading.document.pages.append(pageFromJson(page.toObject()));
    for (const QJsonValue& value : data.value(QStringLiteral("codes")).toArray()) {
        const QJsonObject code = value.toObject();
        reading.document.codes.append(
            {code.value(QStringLiteral("format")).toString(), code.value(QStringLiteral("text")).toString(),
             boxFromJson(code.value(QStringLiteral("box"))), code.value(QStringLiteral("page")).toInt()});
    }
    reading.draft = ReceiptDraft::fromJson(data.value(QStringLiteral("fields")).toObject());
    reading.rereads = data.value(QStringLiteral("rereads")).toInt();
    reading.milliseconds = data.value(QStringLiteral("ms")).toInteger();
    return reading;
}

ReceiptReader::ReceiptReader(OcrOptions ocr, ReceiptParseOptions parse)
    : m_reader(std::move(ocr))
    , m_parser(std::move(parse))
{ }

ReceiptReader& ReceiptReader::forThisThread(const OcrOptions& ocr, const ReceiptParseOptions& parse)
{
    thread_local std::unique_ptr<ReceiptReader> reader;
    thread_local QString key;
    const QString wanted = ocr.languages.join(u'+') + u'|' + QString::number(ocr.maxPages) + u'|'
        + QString::number(ocr.detectOrientation) + u'|' + parse.today.toString(Qt::ISODate) + u'|'
        + parse.defaultCurrency.code();
    if (!reader || key != wanted) {
        reader = std::make_unique<ReceiptReader>(ocr, parse);
        key = wanted;
    }
    return *reader;
}

Result<ReceiptReading> ReceiptReader::read(const QString& path, const std::atomic_bool* cancel)
{
    QElapsedTimer timer;
    timer.start();
    auto document = m_reader.read(path, cancel);
    if (!document)
        return document.error();
    ReceiptReading reading;
    reading.document = std::move(*document);
    reading.draft = m_parser.parse(reading.document);

    // A second look at the regions where the total or the date is unsure, kept when the parser is more
    // confident with it (its consistency checks decide: items sum, subtotal + tax, a plausible date): numbers only
    // and at twice the scale, then, when neither helped, the words voted between three scales.
    const QList<ReceiptParser::Region> regions = m_parser.unsureRegions(reading.document, reading.draft);
    for (const ReceiptParser::Region& region : regions) {
        if (cancel && cancel->load())
            return Error::cancelled();
        if (region.page < 0 || region.page >= reading.document.pages.size()
            || reading.document.pages.at(region.page).source != QLatin1String("tesseract"))
            continue;
        const bool date = region.field == QLatin1String(ReceiptDraft::Date);
        QMap<RereadMode, OcrPage> rereads;
        const auto rereadAs = [&](RereadMode mode) -> const OcrPage* {
            if (!rereads.contains(mode)) {
                auto reread = m_reader.reread(region.page, region.box, mode);
                if (!reread)
                    return nullptr;
                ++reading.rereads;
                rereads.insert(mode, std::move(*reread));
            }
            return &rereads[mode];
        };
        const auto keepIfSurer = [&](OcrPage page) {
            OcrDocument variant = reading.document;
            variant.pages[region.page] = std::move(page);
            ReceiptDraft draft = m_parser.parse(variant);
            if (draftScore(draft) <= draftScore(reading.draft))
                return false;
            reading.document = std::move(variant);
            reading.draft = std::move(draft);
            return true;
        };
        bool surer = false;
        for (RereadMode mode :
             {date ? RereadMode::Upscaled : RereadMode::Numeric, date ? RereadMode::Numeric : RereadMode::Upscaled}) {
            if (surer)
                break;
            if (const OcrPage* reread = rereadAs(mode)) {
                const OcrPage& page = reading.document.pages.at(region.page);
                surer = keepIfSurer(mode == RereadMode::Numeric ? RereadMerge::withNumbers(page, *reread, region.box)
                                                                : RereadMerge::replaced(page, *reread, region.box));
            }
        }
        if (surer || !RereadMerge::hasUnsureWords(reading.document.pages.at(region.page), region.box))
            continue;
        // Still unsure: the region's words voted between three scales.
        QList<OcrPage> scales;
        for (RereadMode mode : {RereadMode::Upscaled, RereadMode::Downscaled, RereadMode::Measured}) {
            if (const OcrPage* reread = rereadAs(mode))
                scales.append(*reread);
        }
        if (!scales.isEmpty())
            keepIfSurer(RereadMerge::voted(reading.document.pages.at(region.page), scales, region.box));
    }
    if (cancel && cancel->load())
        return Error::cancelled();
    voteOnMerchant(reading);
    applyPaymentCodes(reading.document, reading.draft);
    reading.unsure = !m_parser.unsureRegions(reading.document, reading.draft).isEmpty();
    reading.milliseconds = timer.elapsed();
    return reading;
}

void ReceiptReader::voteOnMerchant(ReceiptReading& reading)
{
    const ReceiptFieldSource source = reading.draft.sources.value(QString::fromLatin1(ReceiptDraft::Merchant));
    if (reading.draft.merchant.isEmpty() || source.box.isEmpty() || source.page < 0
        || source.page >= reading.document.pages.size()
        || reading.document.pages.at(source.page).source != QLatin1String("tesseract")
        || !RereadMerge::hasUnsureWords(reading.document.pages.at(source.page), source.box))
        return;
    // A little room around the name's lines, so that their glyphs are whole in the re-reads.
    const QRect region = source.box.adjusted(-8, -6, 8, 6);
    QList<OcrPage> rereads;
    for (RereadMode mode : {RereadMode::Upscaled, RereadMode::Downscaled, RereadMode::Measured}) {
        if (auto reread = m_reader.reread(source.page, region, mode)) {
            rereads.append(std::move(*reread));
            ++reading.rereads;
        }
    }
    if (rereads.isEmpty())
        return;
    OcrDocument variant = reading.document;
    variant.pages[source.page] = RereadMerge::voted(variant.pages.at(source.page), rereads, source.box);
    ReceiptDraft draft = m_parser.parse(variant);
    // Only the name's lines changed: the vote may not cost the total or the date their confidence.
    if (!draft.merchant.isEmpty() && draftScore(draft) >= draftScore(reading.draft)) {
        reading.document = std::move(variant);
        reading.draft = std::move(draft);
    }
}

void ReceiptReader::applyPaymentCodes(const OcrDocument& document, ReceiptDraft& draft)
{
    QJsonArray others;
    for (const DecodedCode& code : document.codes) {
        const std::optional<PaymentCode> payment = PaymentCode::parse(code.text);
        if (!payment) {
            others.append(QJsonObject {{QStringLiteral("format"), code.format}, {QStringLiteral("text"), code.text}});
            continue;
        }
        draft.codes.insert(QStringLiteral("payment"), payment->toJson());
        ReceiptFieldSource source;
        source.confidence = 1.0f;
        source.box = code.box;
        source.page = code.page;
        source.origin = QStringLiteral("qr");
        if (payment->amount) {
            source.text = payment->amount->toDecimalString();
            draft.totalMinor = payment->amount->minor();
            draft.currency = payment->amount->currency();
            draft.sources.insert(QString::fromLatin1(ReceiptDraft::Total), source);
            source.text = draft.currency.code();
            draft.sources.insert(QString::fromLatin1(ReceiptDraft::CurrencyField), source);
        }
        if (draft.merchant.isEmpty() || draft.confidence(QString::fromLatin1(ReceiptDraft::Merchant)) < 0.9f) {
            if (!payment->creditorName.isEmpty()) {
                draft.merchant = payment->creditorName;
                source.text = payment->creditorName;
                draft.sources.insert(QString::fromLatin1(ReceiptDraft::Merchant), source);
            }
        }
        if (draft.paymentMethod.isEmpty())
            draft.paymentMethod = QStringLiteral("transfer");
    }
    if (!others.isEmpty())
        draft.codes.insert(QStringLiteral("other"), others);
}

} // namespace Moniagent
