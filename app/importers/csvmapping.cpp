#include "csvmapping.h"

#include "core/currency.h"
#include "csvdateformat.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <array>

namespace Moniagent {

namespace {

constexpr int JsonVersion = 1;

struct ColumnKey
{
    QLatin1StringView key;
    int CsvColumns::*member;
};

const std::array<ColumnKey, 11> ColumnKeys {{
    {QLatin1StringView("date"), &CsvColumns::date},
    {QLatin1StringView("amount"), &CsvColumns::amount},
    {QLatin1StringView("debit"), &CsvColumns::debit},
    {QLatin1StringView("credit"), &CsvColumns::credit},
    {QLatin1StringView("direction"), &CsvColumns::direction},
    {QLatin1StringView("description"), &CsvColumns::description},
    {QLatin1StringView("payee"), &CsvColumns::payee},
    {QLatin1StringView("notes"), &CsvColumns::notes},
    {QLatin1StringView("category"), &CsvColumns::category},
    {QLatin1StringView("currency"), &CsvColumns::currency},
    {QLatin1StringView("externalId"), &CsvColumns::externalId},
}};

QString amountModeKey(CsvAmountMode mode)
{
    switch (mode) {
    case CsvAmountMode::Signed:
        return QStringLiteral("signed");
    case CsvAmountMode::DebitCredit:
        return QStringLiteral("debitCredit");
    case CsvAmountMode::Direction:
        return QStringLiteral("direction");
    }
    return {};
}

QString charToJson(QChar c)
{
    return c.isNull() ? QString() : QString(c);
}

// A one-character setting from JSON; an empty string is "none" when `allowNone`.
bool charFromJson(const QJsonValue& value, QChar* out, bool allowNone)
{
    if (value.isUndefined())
        return true; // keep the default
    const QString text = value.toString();
    if (text.isEmpty() && allowNone && value.isString()) {
        *out = QChar();
        return true;
    }
    if (text.size() != 1)
        return false;
    *out = text.at(0);
    return true;
}

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& item : array)
        list << item.toString();
    return list;
}

} // namespace

QStringList CsvMapping::defaultDebitWords()
{
    return {QStringLiteral("debit"),  QStringLiteral("dr"),    QStringLiteral("d"),          QStringLiteral("af"),
            QStringLiteral("s"),      QStringLiteral("soll"),  QStringLiteral("débit"),      QStringLiteral("débito"),
            QStringLiteral("debito"), QStringLiteral("cargo"), QStringLiteral("withdrawal"), QStringLiteral("out")};
}

QStringList CsvMapping::defaultCreditWords()
{
    return {QStringLiteral("credit"),  QStringLiteral("cr"),    QStringLiteral("c"),       QStringLiteral("bij"),
            QStringLiteral("h"),       QStringLiteral("haben"), QStringLiteral("crédit"),  QStringLiteral("crédito"),
            QStringLiteral("credito"), QStringLiteral("abono"), QStringLiteral("deposit"), QStringLiteral("in")};
}

int CsvMapping::requiredFieldCount() const
{
    int highest = -1;
    for (const ColumnKey& column : ColumnKeys)
        highest = qMax(highest, columns.*column.member);
    return highest + 1;
}

Result<void> CsvMapping::validate() const
{
    if (delimiter.isNull() || delimiter == u'\n' || delimiter == u'\r' || delimiter == quote)
        return Error::invalidInput(tr("Choose a column separator other than the quote character or a line break."));
    if (decimalSeparator != u'.' && decimalSeparator != u',')
        return Error::invalidInput(tr("The decimal separator must be a point or a comma."));
    if (thousandsSeparator == decimalSeparator)
        return Error::invalidInput(tr("The thousands separator and the decimal separator cannot be the same."));
    if (skipLines < 0 || skipLines > 1000)
        return Error::invalidInput(tr("The number of lines to skip must be between 0 and 1000."));
    if (!CsvDateFormat::compile(dateFormat))
        return Error::invalidInput(tr("The date format “%1” is not understood; use d, M, MMM and yyyy, as in "
                                      "dd.MM.yyyy.")
                                       .arg(dateFormat));
    if (!currency.isEmpty() && !Currency::fromCode(currency).isValid())
        return Error::invalidInput(tr("“%1” is not a currency code.").arg(currency));
    for (const ColumnKey& column : ColumnKeys) {
        if (columns.*column.member < -1 || columns.*column.member > 9999)
            return Error::invalidInput(tr("A column number is out of range."));
    }
    if (columns.date < 0)
        return Error::invalidInput(tr("Choose the column with the date."));
    switch (amountMode) {
    case CsvAmountMode::Signed:
        if (columns.amount < 0)
            return Error::invalidInput(tr("Choose the column with the amount."));
        break;
    case CsvAmountMode::DebitCredit:
        if (columns.debit < 0 || columns.credit < 0)
            return Error::invalidInput(tr("Choose both the debit (money out) and the credit (money in) column."));
        if (columns.debit == columns.credit)
            return Error::invalidInput(tr("The debit and the credit column must be different columns."));
        break;
    case CsvAmountMode::Direction:
        if (columns.amount < 0 || columns.direction < 0)
            return Error::invalidInput(tr("Choose the amount column and the column that says debit or credit."));
        if (debitWords.isEmpty() || creditWords.isEmpty())
            return Error::invalidInput(tr("Enter the words the file uses for debit and for credit."));
        break;
    }
    return {};
}

QJsonObject CsvMapping::toJson() const
{
    QJsonObject cols;
    for (const ColumnKey& column : ColumnKeys) {
        if (columns.*column.member >= 0)
            cols.insert(column.key, columns.*column.member);
    }
    QJsonObject json {
        {QStringLiteral("version"), JsonVersion},
        {QStringLiteral("encoding"), encodingKey(encoding)},
        {QStringLiteral("delimiter"), charToJson(delimiter)},
        {QStringLiteral("quote"), charToJson(quote)},
        {QStringLiteral("skipLines"), skipLines},
        {QStringLiteral("hasHeader"), hasHeader},
        {QStringLiteral("dateFormat"), dateFormat},
        {QStringLiteral("decimalSeparator"), charToJson(decimalSeparator)},
        {QStringLiteral("thousandsSeparator"), charToJson(thousandsSeparator)},
        {QStringLiteral("amountMode"), amountModeKey(amountMode)},
        {QStringLiteral("invertSign"), invertSign},
        {QStringLiteral("columns"), cols},
    };
    if (amountMode == CsvAmountMode::Direction) {
        json.insert(QStringLiteral("debitWords"), QJsonArray::fromStringList(debitWords));
        json.insert(QStringLiteral("creditWords"), QJsonArray::fromStringList(creditWords));
    }
    if (!currency.isEmpty())
        json.insert(QStringLiteral("currency"), currency);
    return json;
}

Result<CsvMapping> CsvMapping::fromJson(const QJsonObject& json)
{
    auto invalid = [](const QString& detail) {
        return Error::invalidInput(tr("The saved column mapping is damaged or from a newer Moniagent."), detail);
    };
    if (json.value(QStringLiteral("version")).toInt() != JsonVersion)
        return invalid(QStringLiteral("version %1").arg(json.value(QStringLiteral("version")).toInt()));
    CsvMapping m;
    const auto encoding = encodingFromKey(json.value(QStringLiteral("encoding")).toString());
    if (!encoding)
        return invalid(QStringLiteral("encoding"));
    m.encoding = *encoding;
    if (!charFromJson(json.value(QStringLiteral("delimiter")), &m.delimiter, false)
        || !charFromJson(json.value(QStringLiteral("quote")), &m.quote, true)
        || !charFromJson(json.value(QStringLiteral("decimalSeparator")), &m.decimalSeparator, false)
        || !charFromJson(json.value(QStringLiteral("thousandsSeparator")), &m.thousandsSeparator, true))
        return invalid(QStringLiteral("separator"));
    m.skipLines = json.value(QStringLiteral("skipLines")).toInt(0);
    m.hasHeader = json.value(QStringLiteral("hasHeader")).toBool(true);
    m.dateFormat = json.value(QStringLiteral("dateFormat")).toString(m.dateFormat);
    const QString mode = json.value(QStringLiteral("amountMode")).toString(QStringLiteral("signed"));
    if (mode == amountModeKey(CsvAmountMode::Signed))
        m.amountMode = CsvAmountMode::Signed;
    else if (mode == amountModeKey(CsvAmountMode::DebitCredit))
        m.amountMode = CsvAmountMode::DebitCredit;
    else if (mode == amountModeKey(CsvAmountMode::Direction))
        m.amountMode = CsvAmountMode::Direction;
    else
        return invalid(QStringLiteral("amountMode %1").arg(mode));
    m.invertSign = json.value(QStringLiteral("invertSign")).toBool(false);
    m.currency = json.value(QStringLiteral("currency")).toString();
    if (m.amountMode == CsvAmountMode::Direction) {
        m.debitWords = stringList(json.value(QStringLiteral("debitWords")));
        m.creditWords = stringList(json.value(QStringLiteral("creditWords")));
    }
    const QJsonObject cols = json.value(QStringLiteral("columns")).toObject();
    for (const ColumnKey& column : ColumnKeys) {
        const QJsonValue value = cols.value(column.key);
        if (value.isUndefined())
            continue;
        if (!value.isDouble())
            return invalid(QStringLiteral("column %1").arg(column.key));
        m.columns.*column.member = value.toInt(-1);
    }
    auto valid = m.validate();
    if (!valid)
        return valid.error();
    return m;
}

QString CsvMapping::normalizedHeaderName(QStringView name)
{
    const QString decomposed = name.trimmed().toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool space = false;
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c == u'"' || c == QChar(0xFEFF))
            continue;
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (space)
            out.append(u' ');
        space = false;
        out.append(c.toCaseFolded());
    }
    return out;
}

QString CsvMapping::headerSignature(const QStringList& header)
{
    if (header.isEmpty())
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& name : header) {
        hash.addData(normalizedHeaderName(name).toUtf8());
        hash.addData(QByteArrayView("\x1f", 1)); // unit separator: "a,bc" and "ab,c" differ
    }
    return QString::fromLatin1(hash.result().toHex().left(32));
}

QString CsvMapping::encodingKey(CsvEncoding encoding)
{
    switch (encoding) {
    case CsvEncoding::Utf8:
        return QStringLiteral("utf-8");
    case CsvEncoding::Utf16LE:
        return QStringLiteral("utf-16le");
    case CsvEncoding::Utf16BE:
        return QStringLiteral("utf-16be");
    case CsvEncoding::Windows1252:
        return QStringLiteral("windows-1252");
    case CsvEncoding::Latin1:
        return QStringLiteral("iso-8859-1");
    }
    return {};
}

std::optional<CsvEncoding> CsvMapping::encodingFromKey(QStringView key)
{
    for (CsvEncoding e : {CsvEncoding::Utf8, CsvEncoding::Utf16LE, CsvEncoding::Utf16BE, CsvEncoding::Windows1252,
                          CsvEncoding::Latin1}) {
        if (key.compare(encodingKey(e), Qt::CaseInsensitive) == 0)
            return e;
    }
    return std::nullopt;
}

QString CsvMapping::encodingDisplayName(CsvEncoding encoding)
{
    switch (encoding) {
    case CsvEncoding::Utf8:
        return tr("UTF-8");
    case CsvEncoding::Utf16LE:
        return tr("UTF-16 (little endian)");
    case CsvEncoding::Utf16BE:
        return tr("UTF-16 (big endian)");
    case CsvEncoding::Windows1252:
        return tr("Windows-1252 (Western Europe)");
    case CsvEncoding::Latin1:
        return tr("ISO-8859-1 (Latin-1)");
    }
    return {};
}

} // namespace Moniagent
