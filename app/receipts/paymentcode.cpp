#include "paymentcode.h"

#include <QRegularExpression>

namespace Moniagent {

namespace {

constexpr int EpcMaxLines = 12;
constexpr int SwissMinLines = 31; // up to the trailer "EPD"
constexpr int SwissMaxLines = 34; // plus billing information and two alternative schemes

QStringList splitLines(const QString& payload)
{
    QString text = payload;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    QStringList lines = text.split(u'\n');
    // A final line break, or several, ends the payload without adding fields.
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    for (QString& line : lines)
        line = line.trimmed();
    return lines;
}

// ISO 13616 mod 97 on an IBAN or an ISO 11649 creditor reference ("RF…"): the first four characters moved to
// the end, letters as 10..35, the number modulo 97 must be 1.
bool mod97IsOne(const QString& text)
{
    const QString rearranged = text.mid(4) + text.left(4);
    int remainder = 0;
    for (const QChar c : rearranged) {
        if (c.isDigit()) {
            remainder = (remainder * 10 + c.digitValue()) % 97;
        } else if (c >= u'A' && c <= u'Z') {
            remainder = (remainder * 100 + (c.unicode() - u'A' + 10)) % 97;
        } else {
            return false;
        }
    }
    return remainder == 1;
}

bool isIban(const QString& iban)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"));
    return pattern.match(iban).hasMatch() && mod97IsOne(iban);
}

bool isBic(const QString& bic)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$"));
    return pattern.match(bic).hasMatch();
}

bool isCreditorReference(const QString& reference)
{
    static const QRegularExpression pattern(QStringLiteral("^RF[0-9]{2}[A-Z0-9]{1,21}$"));
    return pattern.match(reference).hasMatch() && mod97IsOne(reference);
}

// The 27-digit QR reference: its last digit is the recursive modulo 10 check of the others.
bool isQrReference(const QString& reference)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{27}$"));
    if (!pattern.match(reference).hasMatch())
        return false;
    static const int table[] = {0, 9, 4, 6, 8, 2, 7, 1, 3, 5};
    int carry = 0;
    for (int i = 0; i < 26; ++i)
        carry = table[(carry + reference[i].digitValue()) % 10];
    return (10 - carry) % 10 == reference[26].digitValue();
}

// "12.3" (at most two decimals, 0.01 … 999999999.99) as an exact amount; nothing when malformed.
std::optional<Money> parseAmount(const QString& text, QStringView currency)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{1,9}(\\.[0-9]{1,2})?$"));
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    const Result<Money> money = Money::fromDecimalString(text, Currency::fromCode(currency));
    if (!money || money->minor() <= 0)
        return std::nullopt;
    return *money;
}

// EPC069-12 (the European Payments Council's SEPA credit transfer QR code).
std::optional<PaymentCode> parseEpc(const QStringList& lines)
{
    if (lines.size() < 7 || lines.size() > EpcMaxLines || lines[0] != QLatin1String("BCD"))
        return std::nullopt;
    const QString& version = lines[1];
    if (version != QLatin1String("001") && version != QLatin1String("002"))
        return std::nullopt;
    bool ok = false;
    const int charset = lines[2].toInt(&ok);
    if (!ok || charset < 1 || charset > 8 || lines[3] != QLatin1String("SCT"))
        return std::nullopt;
    const auto field = [&](int i) {
        return i < lines.size() ? lines[i] : QString();
    };

    PaymentCode code;
    code.standard = QStringLiteral("epc");
    code.bic = field(4);
    if (code.bic.isEmpty() ? version == QLatin1String("001") : !isBic(code.bic))
        return std::nullopt;
    code.creditorName = field(5);
    if (code.creditorName.isEmpty() || code.creditorName.size() > 70)
        return std::nullopt;
    code.iban = field(6).remove(u' ').toUpper();
    if (!isIban(code.iban))
        return std::nullopt;
    const QString amount = field(7);
    if (!amount.isEmpty()) {
        if (!amount.startsWith(QLatin1String("EUR")))
            return std::nullopt;
        code.amount = parseAmount(amount.mid(3), u"EUR");
        if (!code.amount)
            return std::nullopt;
    }
    static const QRegularExpression purpose(QStringLiteral("^([A-Z0-9]{4})?$"));
    if (!purpose.match(field(8)).hasMatch())
        return std::nullopt;
    const QString structured = field(9);
    const QString text = field(10);
    if (!structured.isEmpty() && !text.isEmpty())
        return std::nullopt; // one or the other
    if (structured.size() > 35 || text.size() > 140 || field(11).size() > 70)
        return std::nullopt;
    code.reference = structured.isEmpty() ? text : structured;
    code.message = field(11);
    return code;
}

// Swiss Payment Standards, QR-bill version 2.x ("SPC", 0200, UTF-8).
std::optional<PaymentCode> parseSwiss(const QStringList& lines)
{
    if (lines.size() < SwissMinLines || lines.size() > SwissMaxLines)
        return std::nullopt;
    if (lines[0] != QLatin1String("SPC") || lines[1] != QLatin1String("0200") || lines[2] != QLatin1String("1")
        || lines[30] != QLatin1String("EPD"))
        return std::nullopt;

    PaymentCode code;
    code.standard = QStringLiteral("swiss-qr");
    code.iban = QString(lines[3]).remove(u' ').toUpper();
    if (!isIban(code.iban) || !(code.iban.startsWith(QLatin1String("CH")) || code.iban.startsWith(QLatin1String("LI"))))
        return std::nullopt;
    // Creditor: address type S (structured: street, number, postcode, town) or K (combined: two address lines).
    const QString& addressType = lines[4];
    if (addressType != QLatin1String("S") && addressType != QLatin1String("K"))
        return std::nullopt;
    code.creditorName = lines[5];
    static const QRegularExpression country(QStringLiteral("^[A-Z]{2}$"));
    if (code.creditorName.isEmpty() || code.creditorName.size() > 70 || !country.match(lines[10]).hasMatch())
        return std::nullopt;
    if (addressType == QLatin1String("K") && (!lines[8].isEmpty() || !lines[9].isEmpty()))
        return std::nullopt; // combined addresses carry postcode and town in the second address line

    const QString& currency = lines[19];
    if (currency != QLatin1String("CHF") && currency != QLatin1String("EUR"))
        return std::nullopt;
    if (!lines[18].isEmpty()) {
        code.amount = parseAmount(lines[18], currency);
        if (!code.amount)
            return std::nullopt;
    }

    const QString& referenceType = lines[27];
    const QString reference = QString(lines[28]).remove(u' ');
    // A QR-IBAN (institution id 30000–31999) goes with a QR reference and only with one.
    const int institution = code.iban.mid(4, 5).toInt();
    const bool qrIban = institution >= 30000 && institution <= 31999;
    if (referenceType == QLatin1String("QRR")) {
        if (!qrIban || !isQrReference(reference))
            return std::nullopt;
    } else if (referenceType == QLatin1String("SCOR")) {
        if (qrIban || !isCreditorReference(reference))
            return std::nullopt;
    } else if (referenceType == QLatin1String("NON")) {
        if (qrIban || !reference.isEmpty())
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    code.reference = reference;
    code.message = lines[29];
    if (code.message.size() > 140)
        return std::nullopt;
    return code;
}

} // namespace

std::optional<PaymentCode> PaymentCode::parse(const QString& payload)
{
    if (payload.size() > 1000)
        return std::nullopt;
    const QStringList lines = splitLines(payload);
    if (lines.isEmpty())
        return std::nullopt;
    if (lines[0] == QLatin1String("BCD"))
        return parseEpc(lines);
    if (lines[0] == QLatin1String("SPC"))
        return parseSwiss(lines);
    return std::nullopt;
}

QJsonObject PaymentCode::toJson() const
{
    QJsonObject json;
    json[QStringLiteral("standard")] = standard;
    if (amount) {
        json[QStringLiteral("amount")] = amount->toDecimalString();
        json[QStringLiteral("currency")] = amount->currency().code();
    }
    const std::pair<const char*, const QString*> fields[] = {{"creditorName", &creditorName},
                                                             {"iban", &iban},
                                                             {"bic", &bic},
                                                             {"reference", &reference},
                                                             {"message", &message}};
    for (const auto& [key, value] : fields) {
        if (!value->isEmpty())
            json[QString::fromLatin1(key)] = *value;
    }
    return json;
}

} // namespace Moniagent
