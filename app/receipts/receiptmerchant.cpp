#include "receiptmerchant.h"

#include <QRegularExpression>

#include <algorithm>

namespace Moniagent::ReceiptParsing {

namespace {

constexpr int kTopRows = 14;
constexpr double kTopFraction = 0.45;

QRegularExpression words(const char* pattern)
{
    return QRegularExpression(QStringLiteral("(?<![A-Z0-9])(?:") + QString::fromUtf8(pattern) +
                              QStringLiteral(")(?![A-Z0-9])"));
}

bool matches(const QRegularExpression& pattern, const QString& text)
{
    return pattern.match(text).hasMatch();
}

QString cleanName(const AnalyzedRow& row)
{
    QStringList parts;
    for (const RowSegment& segment : row.row.segments)
        parts.append(segment.text);
    QString name = parts.join(u' ').simplified();
    static const QRegularExpression edges(QStringLiteral("^[\\s*#~=_\\-\"'.,:|]+|[\\s*#~=_\\-\"',:|]+$"));
    name.remove(edges);
    return name;
}

double medianHeight(const QList<AnalyzedRow>& rows)
{
    QList<int> heights;
    for (const AnalyzedRow& row : rows)
        heights.append(row.row.box.height());
    if (heights.isEmpty())
        return 0;
    std::sort(heights.begin(), heights.end());
    return heights.at(heights.size() / 2);
}

} // namespace

ShopInfo shopInfoKind(const QString& folded)
{
    static const QRegularExpression contact = words(
        "TEL|TELE?PHONE|PHONE|PH|FAX|HP|MOBILE|MOB|TELEFON|TELEFONO|TELEFOON|TLF|TELP|WHATSAPP|E-?MAIL|EMAIL");
    static const QRegularExpression web(QStringLiteral("WWW\\.|HTTPS?:|\\.(?:COM|NET|ORG)(?![A-Z])|@"));
    static const QRegularExpression phone(QStringLiteral("(?<!\\d)\\+?\\d{2,4}[\\s-]\\d{3,4}[\\s-]?\\d{3,4}(?!\\d)"));
    if (matches(contact, folded) || matches(web, folded) || matches(phone, folded))
        return ShopInfo::Contact;

    static const QRegularExpression registration = words(
        "GST|SST|VAT|TAX\\s*ID|TIN|REG\\w*|ROC|BRN|ABN|ACN|UST|USTID|UST-ID\\w*|STEUER\\w*|ST\\.?\\s*-?\\s*NR|SIRET|"
        "SIREN|NIF|CIF|NIE|P\\.?\\s*IVA|PARTITA|KVK|BTW|CO\\.?\\s*NO|COMPANY\\s*NO|CO\\.?\\s*REG\\w*|HRB|RCS|APE|"
        "NAF|C\\.?F\\.?");
    static const QRegularExpression codeOnly(QStringLiteral("^[\\s(\\[]*[A-Z]{0,3}[\\s\\-:.#]*\\d[\\d\\s\\-./]{3,}"
                                                            "[A-Z]?[\\s)\\]]*$"));
    if ((matches(registration, folded) && folded.contains(QRegularExpression(QStringLiteral("\\d{3}")))) ||
        matches(codeOnly, folded))
        return ShopInfo::Registration;

    static const QRegularExpression title = words(
        "TAX\\s*INVOICE|INVOICE|RECEIPT|RESIT|CASH\\s*BILL|CASH\\s*SALES?|OFFICIAL\\s*RECEIPT|BILL|RECHNUNG|QUITTUNG|"
        "KASSENBON|KASSENBELEG|BELEG|BON|FACTURE|TICKET|RECU|RECIBO|FACTURA|FACTURA\\s*SIMPLIFICADA|TIQUE|"
        "SCONTRINO|RICEVUTA|DOCUMENTO\\s*COMMERCIALE|KASSABON|FACTUUR|BETAALBEWIJS|WELCOME|WILLKOMMEN|BIENVENUE|"
        "BIENVENIDOS?|BENVENUTI|BENVENUTO|WELKOM|SELAMAT\\s*DATANG|THANK\\s*YOU|DANKE|MERCI|GRACIAS|GRAZIE|BEDANKT|"
        "TERIMA\\s*KASIH|COPY|REPRINT|ORIGINAL|DUPLICATE|CUSTOMER|CASHIER|KASSIERER|CAISSIER|CAJERO|CASSIERE|"
        "KASSIER|JURUWANG|TABLE|TISCH|SERVER|ORDER|DOC\\w*\\s*NO|SALESPERSON|MEMBER|TERMINAL|POS|PAX|COUNTER|"
        "INVOICE\\s*NO|RECEIPT\\s*NO|BILL\\s*NO|NO\\s*:|SIMPLIFIED|STATEMENT");
    if (matches(title, folded))
        return ShopInfo::Title;

    static const QRegularExpression street = words(
        "JALAN|JLN|LORONG|LRG|TAMAN|TMN|LOT|BLOK|BLOCK|KAMPUNG|BANDAR|PERSIARAN|LEBUH|LEBUHRAYA|KAWASAN|"
        "PERINDUSTRIAN|SEKSYEN|STREET|ROAD|RD|AVENUE|AVE|BLVD|BOULEVARD|LANE|DRIVE|HIGHWAY|FLOOR|LEVEL|SUITE|UNIT|"
        "STRASSE|STR\\.|PLATZ|WEG|GASSE|ALLEE|RUE|PLACE|CHEMIN|QUAI|CALLE|C/|AVENIDA|AVDA|PLAZA|PASEO|CARRER|VIA|"
        "VIALE|PIAZZA|CORSO|STRAAT|LAAN|PLEIN|GRACHT|KADE|\\w+(?:STRASSE|STRAAT|WEG|PLATZ|GASSE)");
    static const QRegularExpression postal(
        QStringLiteral("(?<![\\d.,])\\d{4,5}(?![\\d.,])\\s+[A-Z]{2,}|(?<![A-Z])[A-Z]{1,2}\\d{1,2}[A-Z]?\\s*\\d[A-Z]{2}"
                       "(?![A-Z])|(?<![A-Z])NO\\.?\\s*\\d|^\\d+[A-Z]?\\s*[,&-]|,\\s*$"));
    if (matches(street, folded) || matches(postal, folded))
        return ShopInfo::Address;
    return ShopInfo::None;
}

int companyWordStrength(const QString& folded)
{
    static const QRegularExpression legal = words(
        "SDN\\.?\\s*BHD|SDN|BHD|BERHAD|S/B|PLT|PTE|PTY|LTD|LIMITED|LLC|LLP|INC|CORP|CORPORATION|PLC|CO\\.?\\s*\\(M\\)|"
        "GMBH|AG|KG|OHG|E\\.?\\s*K\\.?|UG|MBH|S\\.?\\s*A\\.?|S\\.?\\s*L\\.?|S\\.?\\s*A\\.?\\s*S\\.?|SARL|EURL|SNC|"
        "S\\.?\\s*P\\.?\\s*A\\.?|S\\.?\\s*R\\.?\\s*L\\.?|S\\.?\\s*N\\.?\\s*C\\.?|B\\.?\\s*V\\.?|N\\.?\\s*V\\.?|"
        "V\\.?\\s*O\\.?\\s*F\\.?|CO\\.|COMPANY");
    if (matches(legal, folded))
        return 2;
    static const QRegularExpression business = words(
        "ENTERPRISES?|TRADING|RESTAURANTS?|RESTORAN|CAFE|COFFEE|BAKERY|BAKERIES|KEDAI|PASARAYA|PERNIAGAAN|SYARIKAT|"
        "SUPERMARKET|MINIMARKET|MARKET|MART|STORES?|SHOP|HARDWARE|STATIONERY|BOOKS?|PHARMACY|FARMASI|HOTEL|BAR|"
        "BISTRO|KITCHEN|FOOD|FOODS|TRADERS|MARKETING|HOLDINGS|INTERNATIONAL|GROUP|BACKEREI|BACKER|METZGEREI|"
        "APOTHEKE|DROGERIE|MARKT|GASTSTATTE|BOULANGERIE|PATISSERIE|PHARMACIE|EPICERIE|BRASSERIE|SUPERMARCHE|"
        "PANADERIA|FARMACIA|SUPERMERCADO|TIENDA|CAFETERIA|PASTICCERIA|MACELLERIA|ALIMENTARI|BAKKERIJ|SLAGERIJ|"
        "APOTHEEK|WINKEL|PETROL|STATION|PETROKIOSK|CENTRE|CENTER|HOUSE|HOMES|CONFECTIONERY");
    return matches(business, folded) ? 1 : 0;
}

MerchantPick chooseMerchant(const QList<AnalyzedRow>& rows)
{
    MerchantPick pick;
    if (rows.isEmpty())
        return pick;
    const int firstPage = rows.first().row.page;
    const double median = medianHeight(rows);
    double bestScore = -1e9;
    double secondScore = -1e9;
    int candidates = 0;
    for (int r = 0; r < rows.size() && candidates < kTopRows; ++r) {
        const AnalyzedRow& row = rows.at(r);
        if (row.row.page != firstPage || (row.row.relativeY > kTopFraction && candidates > 0))
            break;
        if (row.keywords.itemHeader)
            break;
        if (row.letters < 2)
            continue;
        ++candidates;
        double score = 1.0 - 0.6 * (candidates - 1);
        const int company = companyWordStrength(row.folded);
        score += company == 2 ? 5 : company == 1 ? 2 : 0;
        const ShopInfo info = shopInfoKind(row.folded);
        if (info != ShopInfo::None)
            score -= company == 2 && info != ShopInfo::Registration ? 3 : 6;
        if (!row.dates.isEmpty() || !row.times.isEmpty())
            score -= 4;
        if (!row.money.isEmpty())
            score -= 3;
        if (row.keywords.anyAmountRole() && company == 0)
            score -= 3;
        const int textLength = int(row.folded.size());
        if (textLength > 0 && row.letters * 2 < textLength)
            score -= 2;
        if (row.letters <= 3)
            score -= 1.5;
        if (median > 0 && row.row.box.height() > 1.25 * median)
            score += 1;
        if (score > bestScore) {
            secondScore = bestScore;
            bestScore = score;
            pick.row = r;
        } else if (score > secondScore) {
            secondScore = score;
        }
    }
    if (pick.row < 0)
        return pick;

    const AnalyzedRow& chosen = rows.at(pick.row);
    pick.name = cleanName(chosen);
    // A legal form printed on its own line belongs to the name above it.
    static const QRegularExpression formOnly(QStringLiteral("^[\\s(]*(?:SDN\\.?\\s*BHD|BHD|BERHAD|GMBH|LTD|LIMITED|"
                                                            "LLC|INC|S\\.?A\\.?|B\\.?V\\.?)[\\s.)]*$"));
    if (pick.row > 0 && formOnly.match(chosen.folded).hasMatch()) {
        const AnalyzedRow& above = rows.at(pick.row - 1);
        if (above.letters >= 2 && shopInfoKind(above.folded) == ShopInfo::None) {
            pick.name = cleanName(above) + u' ' + pick.name;
            pick.row -= 1;
        }
    }
    float confidence = 0.35F + (companyWordStrength(chosen.folded) == 2 ? 0.35F : 0.1F);
    if (bestScore - secondScore >= 2)
        confidence += 0.15F;
    pick.confidence = std::clamp(confidence, 0.05F, 0.95F) * chosen.row.confidence;
    return pick;
}

} // namespace Moniagent::ReceiptParsing
