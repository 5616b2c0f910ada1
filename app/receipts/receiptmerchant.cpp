#include "receiptmerchant.h"

#include <QRegularExpression>

#include <algorithm>

namespace Moniagent::ReceiptParsing {

namespace {

constexpr int kTopRows = 14;
constexpr double kTopFraction = 0.45;

QRegularExpression words(const char* pattern)
{
    return QRegularExpression(QStringLiteral("(?<![A-Z0-9])(?:") + QString::fromUtf8(pattern)
                              + QStringLiteral(")(?![A-Z0-9])"));
}

bool matches(const QRegularExpression& pattern, const QString& text)
{
    return pattern.match(text).hasMatch();
}

bool matchesAt(const QRegularExpression& pattern, const QString& text, qsizetype* end = nullptr)
{
    QRegularExpressionMatch last;
    auto it = pattern.globalMatch(text);
    while (it.hasNext())
        last = it.next();
    if (end && last.hasMatch())
        *end = last.capturedEnd();
    return last.hasMatch();
}

// Legal forms that end a company name ("… SDN BHD (123456-X)": what follows is not the name).
const QRegularExpression& terminalLegalForm()
{
    static const QRegularExpression legal = words(
        "SDN\\.?\\s*BHD\\.?|BHD\\.?|BERHAD|S/"
        "B|PLT|PTE\\.?\\s*LTD\\.?|PTY\\.?\\s*LTD\\.?|LTD\\.?|LIMITED|LLC|LLP|INC\\.?|"
        "CORP\\.?|CORPORATION|PLC|GMBH|AG|KG|OHG|E\\.\\s*K\\.|UG|MBH|S\\.\\s*A\\.?|S\\.\\s*L\\.?|S\\.\\s*A\\.\\s*S\\.?|"
        "SARL|EURL|SNC|S\\.?\\s*P\\.?\\s*A\\.?|S\\.\\s*R\\.\\s*L\\.?|SRL|B\\.\\s*V\\.?|BV|N\\.\\s*V\\.?|NV|"
        "V\\.\\s*O\\.\\s*F\\.?");
    return legal;
}

// Every legal form, also those a name can continue after ("HARDWARE ENTERPRISE (SETIA ALAM) SDN BHD").
const QRegularExpression& legalForm()
{
    static const QRegularExpression legal(terminalLegalForm().pattern() + u'|'
                                          + words("ENTERPRISES?|TRADING|SDN").pattern());
    return legal;
}

// A kind of business: "RESTAURANT", "HARDWARE", "BÄCKEREI", "PHARMACIE" ….
const QRegularExpression& businessWord()
{
    static const QRegularExpression business
        = words("RESTAURANTS?|RESTORAN|CAFE|COFFEE|BAKERY|BAKERIES|KEDAI|PASARAYA|PERNIAGAAN|SYARIKAT|"
                "SUPERMARKET|MINIMARKET|MARKET|MART|STORES?|SHOP|HARDWARE|STATIONERY|BOOKS?|PHARMACY|FARMASI|HOTEL|BAR|"
                "BISTRO|KITCHEN|FOOD|FOODS|TRADERS|MARKETING|HOLDINGS|INTERNATIONAL|GROUP|BACKEREI|BACKER|METZGEREI|"
                "APOTHEKE|DROGERIE|MARKT|GASTSTATTE|BOULANGERIE|PATISSERIE|PHARMACIE|EPICERIE|BRASSERIE|SUPERMARCHE|"
                "PANADERIA|FARMACIA|SUPERMERCADO|TIENDA|CAFETERIA|PASTICCERIA|MACELLERIA|ALIMENTARI|BAKKERIJ|SLAGERIJ|"
                "APOTHEEK|WINKEL|PETROL|STATION|PETROKIOSK|CENTRE|CENTER|HOUSE|HOMES|CONFECTIONERY");
    return business;
}

// "& CO.", "COMPANY": a partnership or a trading name, weaker evidence than a registered form.
const QRegularExpression& companyWord()
{
    static const QRegularExpression company = words("CO\\.|CO|COMPANY");
    return company;
}

// "(123456-X)", "(CO. NO: 123)": a registration number in brackets.
const QRegularExpression& bracketedNumber()
{
    static const QRegularExpression pattern(QStringLiteral("[(\\[][^()\\[\\]]*\\d[^()\\[\\]]*[)\\]]"));
    return pattern;
}

bool hasLower(QStringView text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLower(); });
}

// Whether `read` is `word` with one character read wrong ("SON" for "SDN", "8HD" for "BHD").
bool oneCharacterAway(const QString& read, QLatin1StringView word)
{
    if (read.size() != word.size())
        return false;
    int differences = 0;
    for (qsizetype i = 0; i < read.size(); ++i)
        differences += read.at(i) != QLatin1Char(word.at(i)) ? 1 : 0;
    return differences == 1;
}

// Malaysia's "SDN BHD" at the end of an upper-case name with one of its two words misread ("SON BHD", "SDN 8HD"),
// also when OCR glued it to a bracket before it ("(TAMAN DAYA)SDN 8HD").
void repairLegalForm(QStringList& tokens)
{
    if (tokens.size() < 2)
        return;
    if (const QString& glued = tokens.at(tokens.size() - 2); glued.size() > 3
        && glued.endsWith(QLatin1StringView("SDN")) && !glued.at(glued.size() - 4).isLetterOrNumber()) {
        const QString before = glued.chopped(3);
        tokens[tokens.size() - 2] = QStringLiteral("SDN");
        tokens.insert(tokens.size() - 2, before);
    }
    if (tokens.size() < 3)
        return;
    QString& first = tokens[tokens.size() - 2];
    QString& second = tokens.last();
    if (first != first.toUpper() || second != second.toUpper())
        return;
    const QLatin1StringView sdn("SDN"), bhd("BHD");
    const bool firstRight = first == sdn, secondRight = second == bhd;
    if ((firstRight && oneCharacterAway(second, bhd)) || (secondRight && oneCharacterAway(first, sdn))) {
        first = sdn;
        second = bhd;
    }
}

// `name` without the specks OCR reads beside a printed name: a first or last word of punctuation only ("; TRI
// SHAAS"), of one or two characters in lower case beside an upper-case name ("GRANDMA HOMES RESTAURANT oo"), or of
// one character before a registered company name ("X UNIHAKKA INTERNATIONAL SDN BHD").
QString withoutEdgeNoise(const QString& name)
{
    QStringList tokens = name.split(u' ', Qt::SkipEmptyParts);
    const auto noise = [&](qsizetype index) {
        const QString& token = tokens.at(index);
        // "&" may join the name to its next line ("TED HENG STATIONERY &" above "BOOKS").
        if (token != u"&" && std::none_of(token.cbegin(), token.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            return true;
        if (tokens.size() < 3)
            return false;
        QStringList rest = tokens;
        rest.removeAt(index);
        const QString others = rest.join(u' ');
        if (token.size() <= 2 && hasLower(token) && !hasLower(others))
            return true;
        return index == 0 && token.size() == 1 && token != u"A" && matches(terminalLegalForm(), foldText(others));
    };
    while (!tokens.isEmpty() && noise(0))
        tokens.removeFirst();
    while (!tokens.isEmpty() && noise(tokens.size() - 1))
        tokens.removeLast();
    repairLegalForm(tokens);
    return tokens.join(u' ');
}

// The name as printed, without what shares its row: segments without letters or with shop information, bracketed
// registration numbers, and anything after the last legal form ("… SDN BHD (123456-X)", "… CO. THE MALL").
QString cleanName(const AnalyzedRow& row)
{
    QStringList parts;
    for (const RowSegment& segment : row.row.segments) {
        const QString folded = foldText(segment.text);
        const bool hasLetters
            = std::any_of(segment.text.cbegin(), segment.text.cend(), [](QChar c) { return c.isLetter(); });
        if (!hasLetters || (row.row.segments.size() > 1 && shopInfoKind(folded) != ShopInfo::None))
            continue;
        parts.append(segment.text);
    }
    QString name = parts.join(u' ').simplified();
    // A store or document number in front of the name ("000123 NAME SDN BHD"); short numbers belong to it ("99 …").
    static const QRegularExpression leadingNumber(QStringLiteral("^[#\\s]*[\\d\\s\\-]*\\d{4,}[\\s\\-:]+(?=\\D)"));
    name.remove(leadingNumber);
    name.remove(bracketedNumber());
    // Cut after the last legal form. Upper-cased letter by letter so that offsets stay those of `name` ("ß").
    QString folded = name;
    for (QChar& c : folded)
        c = c.toUpper();
    qsizetype end = 0;
    if (matchesAt(terminalLegalForm(), folded, &end) && end < name.size())
        name.truncate(end);
    static const QRegularExpression edges(QStringLiteral("^[\\s*#~=_\\-\"'.,:|]+|[\\s*#~=_\\-\"',:|(]+$"));
    name.remove(edges);
    return withoutEdgeNoise(name.simplified());
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
    static const QRegularExpression contact
        = words("TEL|TELE?PHONE|PHONE|PH|FAX|HP|MOBILE|MOB|TELEFON|TELEFONO|TELEFOON|TLF|TELP|WHATSAPP|E-?MAIL|EMAIL");
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
    if ((matches(registration, folded) && folded.contains(QRegularExpression(QStringLiteral("\\d{3}"))))
        || matches(codeOnly, folded))
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
        "VIALE|PIAZZA|CORSO|STRAAT|LAAN|PLEIN|GRACHT|KADE|\\w+(?:STRASSE|STRAAT|WEG|PLATZ|GASSE)|\\w+STR\\.");
    static const QRegularExpression postal(
        QStringLiteral("(?<![\\d.,])\\d{4,5}(?![\\d.,])\\s+[A-Z]{2,}|(?<![A-Z])[A-Z]{1,2}\\d{1,2}[A-Z]?\\s*\\d[A-Z]{2}"
                       "(?![A-Z])|(?<![A-Z])NO\\.?\\s*\\d|^\\d+[A-Z]?\\s*[,&-]|,\\s*$"));
    if (matches(street, folded) || matches(postal, folded))
        return ShopInfo::Address;
    return ShopInfo::None;
}

int companyWordStrength(const QString& folded)
{
    if (matches(legalForm(), folded))
        return 3;
    if (matches(companyWord(), folded))
        return 2;
    return matches(businessWord(), folded) ? 1 : 0;
}

namespace {

// Whether a name line looks like the end of a name wrapped over several lines: it starts with its legal form
// ("CO. (M) SDN BHD"), closes a bracket it did not open ("ALAM) SDN BHD"), or has at most one word before its
// legal form ("STATIONERY SDN BHD", "OTTOGO ENTERPRISE") or, with `businessWords`, its kind of business
// ("JIAWEI HOUSE" below "RESTAURANT JIAWEI").
bool wrappedTail(const QString& foldedName, bool businessWords)
{
    if (foldedName.count(u')') > foldedName.count(u'('))
        return true;
    static const QRegularExpression formOrCompany(legalForm().pattern() + u'|' + companyWord().pattern());
    static const QRegularExpression anyCompanyWord(formOrCompany.pattern() + u'|' + businessWord().pattern());
    // Words before the legal form that ends the name, else before its first company word.
    QRegularExpressionMatch first = terminalLegalForm().match(foldedName);
    if (!first.hasMatch())
        first = (businessWords ? anyCompanyWord : formOrCompany).match(foldedName);
    if (!first.hasMatch())
        return false;
    int words = 0;
    for (const QString& word : foldedName.left(first.capturedStart()).split(u' ', Qt::SkipEmptyParts)) {
        if (std::count_if(word.cbegin(), word.cend(), [](QChar c) { return c.isLetter(); }) >= 3)
            ++words;
    }
    return words <= 1;
}

// Two rows printed as one block: similar letter height, at most a line apart, overlapping horizontally.
bool sameBlock(const ReceiptRow& above, const ReceiptRow& below)
{
    const int high = std::max(above.box.height(), below.box.height());
    const int low = std::min(above.box.height(), below.box.height());
    if (low <= 0 || high * 10 > low * 13 || above.page != below.page)
        return false;
    const int gap = below.box.top() - above.box.bottom();
    const bool overlap = std::min(above.box.right(), below.box.right()) > std::max(above.box.left(), below.box.left());
    return gap < high && overlap;
}

// Whether a neighbour row can be part of the name: plain text, no shop information, not a complete name itself and
// not a repetition of the name (a logo above it).
bool namePart(const AnalyzedRow& row, const QString& name, const QString& otherName, bool mayEndName)
{
    if (row.letters < 3 || !row.dates.isEmpty() || !row.times.isEmpty() || !row.money.isEmpty() || name.isEmpty())
        return false;
    const QString folded = foldText(name);
    if (shopInfoKind(folded) != ShopInfo::None || row.keywords.anyAmountRole())
        return false;
    qsizetype end = 0;
    if (!mayEndName && matchesAt(legalForm(), folded, &end) && end >= folded.size() - 1)
        return false;
    if (!mayEndName && matchesAt(companyWord(), folded, &end) && end >= folded.size() - 1)
        return false;
    const QString other = foldText(otherName);
    const QStringList words = folded.split(u' ', Qt::SkipEmptyParts);
    return !std::all_of(words.cbegin(), words.cend(), [&](const QString& word) { return other.contains(word); });
}

} // namespace

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
    QString bestName;
    for (int r = 0; r < rows.size() && candidates < kTopRows; ++r) {
        const AnalyzedRow& row = rows.at(r);
        if (row.row.page != firstPage || (row.row.relativeY > kTopFraction && candidates > 0))
            break;
        if (row.keywords.itemHeader)
            break;
        if (row.letters < 2)
            continue;
        const QString name = cleanName(row);
        if (name.isEmpty())
            continue;
        const QString folded = foldText(name);
        ++candidates;
        double score = 1.0 - 0.6 * (candidates - 1);
        const int letters = int(std::count_if(name.cbegin(), name.cend(), [](QChar c) { return c.isLetter(); }));
        const int company = companyWordStrength(folded);
        score += company == 3 ? 5 : company == 2 ? 3.5 : company == 1 ? 2 : 0;
        QString rowText = row.folded;
        rowText.remove(bracketedNumber());
        const ShopInfo info = shopInfoKind(rowText);
        if (info != ShopInfo::None)
            score -= company >= 2 && info != ShopInfo::Registration ? 3 : 6;
        if (!row.dates.isEmpty() || !row.times.isEmpty())
            score -= 4;
        if (!row.money.isEmpty())
            score -= 3;
        const RowKeywords& k = row.keywords;
        if ((k.totalStrength > 0 || k.subtotal || k.tax || k.change || k.count || (k.tendered && letters <= 6))
            && company == 0)
            score -= 3;
        if (letters * 2 < name.size())
            score -= 2;
        if (letters <= 3)
            score -= 1.5;
        if (median > 0 && row.row.box.height() > 1.25 * median)
            score += 1;
        if (score > bestScore) {
            secondScore = bestScore;
            bestScore = score;
            pick.row = r;
            bestName = name;
        } else if (score > secondScore) {
            secondScore = score;
        }
    }
    if (pick.row < 0)
        return pick;

    // A name wrapped over two or three lines: continued upwards while the line looks like the end of a name,
    // downwards while a bracket is open or the next line looks like the end of a name.
    int top = pick.row;
    int bottom = pick.row;
    QString name = bestName;
    for (int joins = 0; joins < 2 && top > 0 && wrappedTail(foldText(name), false); ++joins) {
        const AnalyzedRow& above = rows.at(top - 1);
        const QString aboveName = cleanName(above);
        if (!sameBlock(above.row, rows.at(top).row) || !namePart(above, aboveName, name, false))
            break;
        name = aboveName + u' ' + name;
        --top;
    }
    for (int joins = 0; joins < 2 && bottom + 1 < rows.size(); ++joins) {
        const QString folded = foldText(name);
        qsizetype end = 0;
        if (matchesAt(terminalLegalForm(), folded, &end) && end >= folded.size() - 1)
            break;
        const AnalyzedRow& below = rows.at(bottom + 1);
        const QString belowName = cleanName(below);
        const bool openBracket = folded.count(u'(') > folded.count(u')');
        if (!openBracket && !wrappedTail(foldText(belowName), true))
            break;
        if (!sameBlock(rows.at(bottom).row, below.row) || !namePart(below, belowName, name, true))
            break;
        name += u' ' + belowName;
        ++bottom;
    }
    pick.name = name;

    const AnalyzedRow& chosen = rows.at(pick.row);
    const int company = companyWordStrength(foldText(name));
    float confidence = 0.35F + (company == 3 ? 0.35F : company == 2 ? 0.25F : 0.1F);
    if (bestScore - secondScore >= 2)
        confidence += 0.15F;
    pick.confidence = std::clamp(confidence, 0.05F, 0.95F) * chosen.row.confidence;
    return pick;
}

} // namespace Moniagent::ReceiptParsing
