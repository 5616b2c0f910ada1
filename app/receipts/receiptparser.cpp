#include "receiptparser.h"

#include "receiptanalysis.h"
#include "receiptfields.h"
#include "receiptitems.h"
#include "receiptmerchant.h"
#include "receipttotals.h"

#include <QRegularExpression>

namespace Moniagent {

using namespace ReceiptParsing;

namespace {

// Below this confidence the total or the date is worth reading again.
constexpr float kUnsure = 0.5F;

bool isDollarCurrency(const Currency& currency)
{
    static const QStringList dollars {QStringLiteral("USD"), QStringLiteral("CAD"), QStringLiteral("AUD"),
                                      QStringLiteral("NZD"), QStringLiteral("SGD"), QStringLiteral("HKD"),
                                      QStringLiteral("TWD"), QStringLiteral("MXN")};
    return dollars.contains(currency.code());
}

ReceiptFieldSource rowSource(const AnalyzedRow& row, float confidence)
{
    ReceiptFieldSource source;
    source.confidence = confidence;
    source.box = row.row.box;
    source.page = row.row.page;
    source.origin = row.row.origin;
    source.text = row.row.text;
    return source;
}

ReceiptFieldSource amountSource(const QList<AnalyzedRow>& rows, const AmountPick& pick)
{
    const AnalyzedRow& row = rows.at(pick.row);
    ReceiptFieldSource source = rowSource(row, pick.confidence);
    const RowNumber& number = row.moneyNumber(pick.money);
    source.box = row.row.box.united(number.box);
    source.text = row.row.text;
    return source;
}

} // namespace

ReceiptParser::ReceiptParser(ReceiptParseOptions options)
    : m_options(std::move(options))
{ }

ReceiptDraft ReceiptParser::parse(const OcrDocument& document) const
{
    ReceiptDraft draft;
    const QList<ReceiptRow> rows = buildRows(document);

    // The currency first: it decides how many decimals an amount has.
    const Currency fallback = m_options.defaultCurrency;
    QList<AnalyzedRow> analyzed = analyzeRows(rows, fallback.isValid() ? fallback.minorDigits() : 2, m_options.today);
    const QString code = detectCurrency(analyzed, fallback.isValid() ? fallback.code() : QString(),
                                        isDollarCurrency(fallback) ? fallback.code() : QStringLiteral("USD"));
    if (!code.isEmpty()) {
        draft.currency = Currency::fromCode(code);
        ReceiptFieldSource source;
        source.confidence = 0.8F;
        source.origin = rows.isEmpty() ? QStringLiteral("ocr") : rows.first().origin;
        source.text = code;
        draft.sources.insert(QString::fromLatin1(ReceiptDraft::CurrencyField), source);
    } else if (fallback.isValid()) {
        draft.currency = fallback;
        ReceiptFieldSource source;
        source.confidence = 0.3F;
        source.origin = QStringLiteral("computed");
        draft.sources.insert(QString::fromLatin1(ReceiptDraft::CurrencyField), source);
    }
    const int digits = draft.currency.isValid() ? draft.currency.minorDigits() : 2;
    if (analyzed.isEmpty() || analyzed.first().minorDigits != digits)
        analyzed = analyzeRows(rows, digits, m_options.today);

    // Line items, then the amounts that must agree with them.
    const QList<FoundItem> items = findItems(analyzed);
    std::optional<qint64> itemsSum;
    for (const FoundItem& found : items) {
        draft.items.append(found.item);
        itemsSum = itemsSum.value_or(0) + found.item.amountMinor;
    }
    const TotalsResult totals = chooseTotals(analyzed, itemsSum);
    if (totals.total.value) {
        draft.totalMinor = totals.total.value;
        draft.sources.insert(QString::fromLatin1(ReceiptDraft::Total), amountSource(analyzed, totals.total));
    }
    if (totals.subtotal.value) {
        draft.subtotalMinor = totals.subtotal.value;
        draft.sources.insert(QString::fromLatin1(ReceiptDraft::Subtotal), amountSource(analyzed, totals.subtotal));
    }
    if (totals.tax.value) {
        draft.taxMinor = totals.tax.value;
        draft.sources.insert(QString::fromLatin1(ReceiptDraft::Tax), amountSource(analyzed, totals.tax));
    }
    draft.warnings = totals.warnings;

    const bool dayFirst = !(draft.currency.code() == u"USD");
    const DatePick date = chooseDate(analyzed, dayFirst);
    if (date.row >= 0) {
        draft.date = date.date;
        draft.sources.insert(QString::fromLatin1(ReceiptDraft::Date),
                             rowSource(analyzed.at(date.row), date.confidence));
    }
    const TimePick time = chooseTime(analyzed, date.row);
    if (time.row >= 0) {
        draft.time = time.time;
        draft.sources.insert(QString::fromLatin1(ReceiptDraft::Time),
                             rowSource(analyzed.at(time.row), time.confidence));
    }
    const MerchantPick merchant = chooseMerchant(analyzed);
    if (merchant.row >= 0 && !merchant.name.isEmpty()) {
        draft.merchant = merchant.name;
        draft.sources.insert(QString::fromLatin1(ReceiptDraft::Merchant),
                             rowSource(analyzed.at(merchant.row), merchant.confidence));
    }
    const PaymentPick payment = choosePayment(analyzed, draft.totalMinor);
    if (!payment.method.isEmpty()) {
        draft.paymentMethod = payment.method;
        ReceiptFieldSource source = payment.row >= 0
            ? rowSource(analyzed.at(payment.row), payment.confidence)
            : ReceiptFieldSource {payment.confidence, {}, 0, QStringLiteral("computed"), {}};
        draft.sources.insert(QString::fromLatin1(ReceiptDraft::Payment), source);
    }
    return draft;
}

QList<ReceiptParser::Region> ReceiptParser::unsureRegions(const OcrDocument& document, const ReceiptDraft& draft) const
{
    QList<Region> regions;
    const bool totalUnsure = !draft.has(QString::fromLatin1(ReceiptDraft::Total))
        || draft.confidence(QString::fromLatin1(ReceiptDraft::Total)) < kUnsure;
    const bool dateUnsure = !draft.has(QString::fromLatin1(ReceiptDraft::Date))
        || draft.confidence(QString::fromLatin1(ReceiptDraft::Date)) < kUnsure;
    if (!totalUnsure && !dateUnsure)
        return regions;

    const QList<AnalyzedRow> rows = analyzeRows(buildRows(document), 2, m_options.today);
    auto widen = [&](const AnalyzedRow& row) {
        // The whole width of the page: the amount of a label is often far to the right of it.
        QRect box = row.row.box;
        for (const OcrPage& page : document.pages) {
            if (page.index == row.row.page && page.size.isValid())
                box = QRect(0, box.top(), page.size.width(), box.height());
        }
        const int margin = box.height() / 2;
        return box.adjusted(0, -margin, 0, margin);
    };
    auto addRegion = [&](const char* field, int page, const QRect& box) {
        for (const Region& region : std::as_const(regions)) {
            if (region.page == page && region.field == QLatin1String(field) && region.box.contains(box))
                return;
        }
        regions.append({QString::fromLatin1(field), page, box});
    };
    static const QRegularExpression dateLike(QStringLiteral("\\d{1,4}\\s?[./-]\\s?\\d{1,2}\\s?[./-]\\s?\\d{2,4}"));
    for (const AnalyzedRow& row : rows) {
        if (totalUnsure && row.keywords.totalStrength >= 2 && !row.keywords.count)
            addRegion(ReceiptDraft::Total, row.row.page, widen(row));
        if (dateUnsure && (row.keywords.date || !row.dates.isEmpty() || dateLike.match(row.folded).hasMatch()))
            addRegion(ReceiptDraft::Date, row.row.page, widen(row));
    }
    if (totalUnsure && draft.has(QString::fromLatin1(ReceiptDraft::Total))) {
        const ReceiptFieldSource source = draft.sources.value(QString::fromLatin1(ReceiptDraft::Total));
        if (!source.box.isNull())
            addRegion(ReceiptDraft::Total, source.page, source.box);
    }
    if (dateUnsure && draft.has(QString::fromLatin1(ReceiptDraft::Date))) {
        const ReceiptFieldSource source = draft.sources.value(QString::fromLatin1(ReceiptDraft::Date));
        if (!source.box.isNull())
            addRegion(ReceiptDraft::Date, source.page, source.box);
    }
    return regions;
}

} // namespace Moniagent
