#include "qifreader.h"

#include "qifvalues.h"
#include "statementtext.h"

#include <QSet>

#include <optional>

namespace Moniagent {

namespace {

enum class SectionKind
{
    Transactions,
    Investments,
    Accounts,
    Lists, // categories, classes, memorized transactions, securities…: not transactions
    Unknown,
};

struct Section
{
    SectionKind kind = SectionKind::Transactions;
    QString accountType; // "bank", "cash", "creditcard", "asset", "liability"
    QString header; // as written, for the warning about unknown sections
};

Section classify(const QString& type)
{
    QString key = type.toLower();
    key.remove(u' ');
    if (key == u"bank")
        return {SectionKind::Transactions, QStringLiteral("bank"), type};
    if (key == u"cash")
        return {SectionKind::Transactions, QStringLiteral("cash"), type};
    if (key == u"ccard" || key == u"creditcard")
        return {SectionKind::Transactions, QStringLiteral("creditcard"), type};
    if (key == u"otha")
        return {SectionKind::Transactions, QStringLiteral("asset"), type};
    if (key == u"othl")
        return {SectionKind::Transactions, QStringLiteral("liability"), type};
    if (key == u"invst" || key == u"invest" || key == u"port")
        return {SectionKind::Investments, QStringLiteral("investment"), type};
    static const QStringList lists = {
        QStringLiteral("cat"),    QStringLiteral("class"),   QStringLiteral("memorized"), QStringLiteral("security"),
        QStringLiteral("prices"), QStringLiteral("invitem"), QStringLiteral("template"),  QStringLiteral("budget"),
        QStringLiteral("tag"),    QStringLiteral("payee"),
    };
    if (lists.contains(key))
        return {SectionKind::Lists, {}, type};
    return {SectionKind::Unknown, {}, type};
}

struct RawSplit
{
    QString category;
    QString memo;
    std::optional<QString> amount;
};

struct RawRecord
{
    int record = 0; // n-th transaction of the file, investments included
    int line = 0; // line of its first field
    QString account;
    QString accountType;
    std::optional<QString> date;
    std::optional<QString> amount; // T
    std::optional<QString> amountU; // U: the same amount, written by newer Quicken versions
    QString payee, memo, category, number;
    QStringList address;
    QList<RawSplit> splits;
    bool empty = true;

    void add(QChar code, const QString& value)
    {
        empty = false;
        auto first = [&value](QString& field) {
            if (field.isEmpty())
                field = value;
        };
        switch (code.unicode()) {
        case u'D':
            date = date.value_or(value);
            break;
        case u'T':
            amount = amount.value_or(value);
            break;
        case u'U':
            amountU = amountU.value_or(value);
            break;
        case u'P':
            first(payee);
            break;
        case u'M':
            first(memo);
            break;
        case u'L':
            first(category);
            break;
        case u'N':
            first(number);
            break;
        case u'A':
            if (!value.isEmpty())
                address.append(value);
            break;
        case u'S':
            splits.append({value, {}, std::nullopt});
            break;
        case u'E':
            if (!splits.isEmpty() && splits.last().memo.isEmpty())
                splits.last().memo = value;
            break;
        case u'$':
            if (!splits.isEmpty() && !splits.last().amount)
                splits.last().amount = value;
            break;
        default: // C cleared, F reimbursable, % split percentage, X extensions: nothing to keep
            break;
        }
    }
};

// "Food:Groceries/Class", "[Savings]/Class", "--Split--".
struct CategoryField
{
    QString category;
    QString transferAccount;
    QString className;
};

CategoryField splitCategory(const QString& text)
{
    CategoryField out;
    QString s = text.trimmed();
    if (s.startsWith(u'[')) {
        const qsizetype close = s.indexOf(u']');
        if (close > 0) {
            out.transferAccount = s.mid(1, close - 1).trimmed();
            const QString rest = s.mid(close + 1).trimmed();
            if (rest.startsWith(u'/'))
                out.className = rest.mid(1).trimmed();
            return out;
        }
    }
    const qsizetype slash = s.indexOf(u'/');
    if (slash >= 0) {
        out.className = s.mid(slash + 1).trimmed();
        s = s.left(slash).trimmed();
    }
    if (s != u"--Split--")
        out.category = s;
    return out;
}

bool isFieldCode(QChar c)
{
    return QStringView(u"DTUPMLNACSE$").contains(c);
}

// Not every QIF file starts with a header (some writers omit "!Type:Bank"), but every one has records.
bool looksLikeQif(const QStringList& lines)
{
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'!') || line == u"^")
            return true;
        if (!isFieldCode(line.at(0)))
            return false;
        for (const QString& other : lines) {
            if (other.trimmed() == u"^")
                return true;
        }
        return false;
    }
    return false;
}

struct Parsed
{
    QList<RawRecord> records;
    int investments = 0;
    QStringList unknownSections;
};

Parsed parseRecords(const QStringList& lines)
{
    Parsed parsed;
    Section section = classify(QStringLiteral("Bank")); // records before any header are bank transactions
    bool autoSwitch = false;
    QString account;
    QString listedName;
    RawRecord record;
    int records = 0;
    int unknownRecords = 0;

    auto finish = [&]() {
        if (section.kind == SectionKind::Accounts) {
            if (!autoSwitch && !listedName.isEmpty())
                account = listedName;
            listedName.clear();
        } else if (!record.empty
                   && (section.kind == SectionKind::Transactions || section.kind == SectionKind::Investments)) {
            record.record = ++records;
            if (section.kind == SectionKind::Investments) {
                ++parsed.investments;
            } else {
                record.account = account;
                record.accountType = section.accountType;
                parsed.records.append(std::move(record));
            }
        } else if (!record.empty && section.kind == SectionKind::Unknown) {
            ++unknownRecords;
        }
        record = RawRecord();
    };
    auto endSection = [&]() {
        finish();
        if (section.kind == SectionKind::Unknown && unknownRecords > 0)
            parsed.unknownSections.append(section.header);
        unknownRecords = 0;
    };

    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'!')) {
            endSection();
            const QString header = line.mid(1).trimmed();
            const QString key = header.toLower();
            if (key.startsWith(u"type:")) {
                section = classify(header.mid(5).trimmed());
            } else if (key == u"account") {
                section = {SectionKind::Accounts, {}, header};
            } else if (key.startsWith(u"option:autoswitch")) {
                autoSwitch = true;
            } else if (key.startsWith(u"clear:autoswitch")) {
                autoSwitch = false;
            } else if (!key.startsWith(u"option:") && !key.startsWith(u"clear:")) {
                section = {SectionKind::Unknown, {}, header};
            }
            continue;
        }
        if (line.startsWith(u'^')) {
            finish();
            continue;
        }
        const QChar code = line.at(0);
        const QString value = line.mid(1).trimmed();
        if (section.kind == SectionKind::Accounts) {
            if (code == u'N' && listedName.isEmpty())
                listedName = value;
            continue;
        }
        if (record.empty)
            record.line = int(i + 1);
        record.add(code, value);
    }
    endSection();
    return parsed;
}

QString join(const QStringList& parts)
{
    QStringList kept;
    for (const QString& part : parts) {
        if (!part.isEmpty())
            kept.append(part);
    }
    return kept.join(QStringLiteral("; "));
}

} // namespace

Result<StatementInfo> QifReader::read(QIODevice& device, const StatementReadOptions& options, const StatementSink& sink)
{
    const Currency currency = Currency::fromCode(options.defaultCurrency);
    if (!currency.isValid()) {
        return Error::invalidInput(
            tr("QIF files name no currency, and the default currency “%1” is not valid.").arg(options.defaultCurrency));
    }
    Result<QByteArray> bytes = StatementText::readAll(device, QStringLiteral("QIF"));
    if (!bytes)
        return bytes.error();
    QString text = StatementText::decode(*bytes).text;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    const QStringList lines = text.split(u'\n');
    if (!looksLikeQif(lines))
        return Error::invalidInput(tr("This file is not a QIF file: it does not start with a “!Type:” header."));

    Parsed parsed = parseRecords(lines);
    if (parsed.records.isEmpty()) {
        if (parsed.investments > 0) {
            return Error::invalidInput(tr("This QIF file contains only investment transactions (%n), which are not "
                                          "imported.",
                                          nullptr, parsed.investments));
        }
        return Error::invalidInput(
            tr("This QIF file contains no transactions, only lists (accounts, categories or similar)."));
    }

    QifDates dates(options.locale);
    QifAmounts amounts(currency);
    for (const RawRecord& r : std::as_const(parsed.records)) {
        if (r.date)
            dates.add(*r.date);
        if (r.amount || r.amountU)
            amounts.add(r.amount ? *r.amount : *r.amountU);
        for (const RawSplit& split : r.splits) {
            if (split.amount)
                amounts.add(*split.amount);
        }
    }
    dates.decide();
    amounts.decide();

    StatementInfo info;
    info.format = StatementFormat::Qif;
    info.accountId = parsed.records.first().account;
    info.accountType = parsed.records.first().accountType;
    QSet<QString> accounts;
    QList<StatementLine> out;
    out.reserve(parsed.records.size());
    for (const RawRecord& r : std::as_const(parsed.records)) {
        accounts.insert(r.account + u'\n' + r.accountType);
        StatementLine line;
        line.record = r.record;
        QStringList problems;
        if (r.date) {
            QString error;
            line.date = dates.parse(*r.date, error);
            problems.append(error);
        } else {
            problems.append(tr("the date (D) is missing"));
        }
        const std::optional<QString> amount = r.amount ? r.amount : r.amountU;
        if (amount) {
            QString error;
            line.amount = amounts.parse(*amount, error);
            problems.append(error);
        } else {
            line.amount = Money(0, currency);
            problems.append(tr("the amount (T) is missing"));
        }
        line.payee = r.payee;
        line.memo = r.memo;
        line.checkNumber = r.number;
        const CategoryField category = splitCategory(r.category);
        line.categoryName = category.category;
        line.notes
            = join({r.address.join(QStringLiteral(", ")),
                    category.transferAccount.isEmpty() ? QString() : tr("Transfer: %1").arg(category.transferAccount),
                    category.className.isEmpty() ? QString() : tr("Class: %1").arg(category.className)});
        for (const RawSplit& raw : r.splits) {
            StatementSplit split;
            const CategoryField splitCategoryField = splitCategory(raw.category);
            split.categoryName = splitCategoryField.category;
            split.memo = raw.memo;
            if (!splitCategoryField.transferAccount.isEmpty()) {
                const QString transfer = tr("Transfer: %1").arg(splitCategoryField.transferAccount);
                split.memo = split.memo.isEmpty() ? transfer : split.memo + QStringLiteral(" (") + transfer + u')';
            }
            QString error;
            split.amount = raw.amount ? amounts.parse(*raw.amount, error) : Money(0, currency);
            problems.append(error);
            line.splits.append(std::move(split));
        }
        problems.removeAll(QString());
        if (!problems.isEmpty())
            line.error = tr("Transaction %1 (line %2): %3.")
                             .arg(QString::number(r.record), QString::number(r.line), problems.first());
        out.append(std::move(line));
    }

    info.warnings.append(dates.warnings());
    if (amounts.rounding().count > 0)
        info.warnings.append(StatementText::roundingWarning(amounts.rounding()));
    if (parsed.investments > 0) {
        info.warnings.append(tr("Skipped %n investment transaction(s): only bank, cash, card and asset accounts are "
                                "imported.",
                                nullptr, parsed.investments));
    }
    if (accounts.size() > 1) {
        info.warnings.append(tr("This file holds transactions of %n account(s); the lines of all of them are "
                                "listed, and the account shown is the first one.",
                                nullptr, int(accounts.size())));
    }
    for (const QString& header : std::as_const(parsed.unknownSections))
        info.warnings.append(
            tr("Skipped the section “!%1”: it is not a kind of account that can be imported.").arg(header));
    return StatementText::deliver(out, std::move(info), sink);
}

} // namespace Moniagent
