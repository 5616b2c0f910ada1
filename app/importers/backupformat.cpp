#include "backupformat.h"

#include "db/budgetrepository.h"
#include "db/categorizationrulerepository.h"
#include "db/categoryrepository.h"
#include "db/invoicerepository.h"
#include "db/sql.h"
#include "db/transactionrepository.h"

#include <limits>

namespace Moniagent {

namespace {

QString timestamp(const QDateTime& time)
{
    return Sql::isoTimestamp(time);
}

void putText(QJsonObject& object, const QString& key, const QString& text)
{
    if (!text.isEmpty())
        object.insert(key, text);
}

void putTimes(QJsonObject& object, const QDateTime& created, const QDateTime& updated)
{
    putText(object, QStringLiteral("createdAt"), timestamp(created));
    putText(object, QStringLiteral("updatedAt"), timestamp(updated));
}

bool isUuid(const QString& text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != u'-' : !(c.isDigit() || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}

// Reads the fields of one record; the first field that is missing or of the wrong kind is remembered.
class Fields
{
public:
    Fields(const QJsonValue& value, QString what)
        : m_object(value.toObject())
        , m_what(std::move(what))
    {
        if (!value.isObject())
            m_error = BackupFormat::tr("%1 in the backup is not a record.").arg(m_what);
    }

    bool ok() const { return m_error.isEmpty(); }
    Error error() const { return {Error::Code::Corrupt, m_error, {}}; }
    Error invalid(const Error& reason) const
    {
        return {Error::Code::Corrupt,
                BackupFormat::tr("%1 in the backup cannot be restored: %2").arg(m_what, reason.message), reason.detail};
    }
    void fail(const QString& key)
    {
        if (m_error.isEmpty())
            m_error = BackupFormat::tr("%1 in the backup has no valid “%2”.").arg(m_what, key);
    }

    QJsonValue raw(const QString& key) const { return m_object.value(key); }
    bool has(const QString& key) const
    {
        const QJsonValue v = m_object.value(key);
        return !v.isUndefined() && !v.isNull();
    }

    QString text(const QString& key, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isString())
            return v.toString();
        if (required || (!v.isUndefined() && !v.isNull()))
            fail(key);
        return {};
    }
    std::optional<qint64> integer(const QString& key, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(key);
            return std::nullopt;
        }
        // toInteger() gives its default for anything but a whole number: try two defaults to tell them apart.
        constexpr qint64 low = std::numeric_limits<qint64>::min();
        constexpr qint64 high = std::numeric_limits<qint64>::max();
        const qint64 number = v.toInteger(low);
        if (!v.isDouble() || (number == low && v.toInteger(high) == high)) {
            fail(key);
            return std::nullopt;
        }
        return number;
    }
    bool boolean(const QString& key, bool fallback)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isBool())
            return v.toBool();
        if (!v.isUndefined() && !v.isNull())
            fail(key);
        return fallback;
    }
    // Shares and thresholds (0..1), never money.
    std::optional<double> ratio(const QString& key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isDouble())
            return v.toDouble();
        if (!v.isUndefined() && !v.isNull())
            fail(key);
        return std::nullopt;
    }
    std::optional<Money> money(const QString& key, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(key);
            return std::nullopt;
        }
        Fields inner(v, m_what);
        const auto minor = inner.integer(QStringLiteral("minor"), true);
        const Currency currency = Currency::fromCode(inner.text(QStringLiteral("currency"), true));
        if (!inner.ok() || !minor || !currency.isValid()) {
            fail(key);
            return std::nullopt;
        }
        return Money(*minor, currency);
    }
    QDate date(const QString& key, bool required = false)
    {
        const QString text = this->text(key, required);
        if (text.isEmpty())
            return {};
        const QDate parsed = QDate::fromString(text, Qt::ISODate);
        if (!parsed.isValid())
            fail(key);
        return parsed;
    }
    QDateTime time(const QString& key)
    {
        const QString text = this->text(key);
        if (text.isEmpty())
            return {};
        const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!parsed.isValid())
            fail(key);
        return parsed.toUTC();
    }
    QString uuid(const QString& key, bool required = false)
    {
        const QString text = this->text(key, required);
        if (!text.isEmpty() && !isUuid(text))
            fail(key);
        return text.toLower();
    }
    QJsonObject object(const QString& key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isObject())
            return v.toObject();
        if (!v.isUndefined() && !v.isNull())
            fail(key);
        return {};
    }
    // An enum by its key; `parse` returns nullopt for an unknown key.
    template <typename T, typename Parse> T choice(const QString& key, T fallback, bool required, Parse parse)
    {
        const QString text = this->text(key, required);
        if (text.isEmpty())
            return fallback;
        const std::optional<T> value = parse(text);
        if (!value) {
            fail(key);
            return fallback;
        }
        return *value;
    }

private:
    QJsonObject m_object;
    QString m_what;
    QString m_error;
};

} // namespace

QJsonObject BackupFormat::money(const Money& money)
{
    return {{QStringLiteral("minor"), money.minor()}, {QStringLiteral("currency"), money.currency().code()}};
}

QJsonObject BackupFormat::category(const Category& c)
{
    QJsonObject o {
        {QStringLiteral("uuid"), c.uuid},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("icon"), c.icon},
        {QStringLiteral("color"), c.color},
        {QStringLiteral("type"), CategoryEnums::key(c.type)},
        {QStringLiteral("system"), c.isSystem},
        {QStringLiteral("displayOrder"), c.displayOrder},
    };
    putText(o, QStringLiteral("systemKey"), c.systemKey);
    putText(o, QStringLiteral("description"), c.description);
    putTimes(o, c.createdAt, c.updatedAt);
    return o;
}

QJsonObject BackupFormat::invoice(const Invoice& i)
{
    QJsonObject o {
        {QStringLiteral("uuid"), i.uuid},
        {QStringLiteral("filename"), i.filename},
        {QStringLiteral("filePath"), i.filePath},
        {QStringLiteral("sha256"), i.sha256},
        {QStringLiteral("status"), InvoiceEnums::key(i.status)},
    };
    putText(o, QStringLiteral("mimeType"), i.mimeType);
    putText(o, QStringLiteral("storeName"), i.storeName);
    putText(o, QStringLiteral("date"), i.date.isValid() ? i.date.toString(Qt::ISODate) : QString());
    if (i.total)
        o.insert(QStringLiteral("total"), money(*i.total));
    if (i.tax)
        o.insert(QStringLiteral("tax"), money(*i.tax));
    putText(o, QStringLiteral("error"), i.error);
    putTimes(o, i.createdAt, i.updatedAt);
    return o;
}

QJsonObject BackupFormat::budget(const Budget& b, const QString& categoryUuid)
{
    QJsonObject o {
        {QStringLiteral("limit"), money(b.limit)},
        {QStringLiteral("period"), BudgetEnums::key(b.period)},
        {QStringLiteral("alertThreshold"), b.alertThreshold},
    };
    putText(o, QStringLiteral("category"), categoryUuid);
    putTimes(o, b.createdAt, b.updatedAt);
    return o;
}

QJsonObject BackupFormat::rule(const CategorizationRule& r, const QString& categoryUuid)
{
    QJsonObject o {
        {QStringLiteral("category"), categoryUuid},
        {QStringLiteral("pattern"), r.pattern},
        {QStringLiteral("type"), CategorizationRuleEnums::key(r.type)},
        {QStringLiteral("confidenceThreshold"), r.confidenceThreshold},
        {QStringLiteral("priority"), r.priority},
        {QStringLiteral("active"), r.isActive},
        {QStringLiteral("origin"), CategorizationRuleEnums::key(r.origin)},
        {QStringLiteral("hitCount"), r.hitCount},
    };
    putTimes(o, r.createdAt, r.updatedAt);
    return o;
}

QJsonObject BackupFormat::transaction(const Transaction& t, const QString& categoryUuid, const QString& invoiceUuid)
{
    QJsonObject o {
        {QStringLiteral("uuid"), t.uuid},
        {QStringLiteral("date"), t.occurredOn.toString(Qt::ISODate)},
        {QStringLiteral("type"), TransactionEnums::key(t.type)},
        {QStringLiteral("amount"), money(t.amount)},
        {QStringLiteral("source"), TransactionEnums::key(t.source)},
        {QStringLiteral("confirmed"), t.confirmedByUser},
    };
    putText(o, QStringLiteral("merchant"), t.merchant);
    putText(o, QStringLiteral("description"), t.description);
    putText(o, QStringLiteral("notes"), t.notes);
    putText(o, QStringLiteral("category"), categoryUuid);
    putText(o, QStringLiteral("invoice"), invoiceUuid);
    if (!t.sourceMetadata.isEmpty())
        o.insert(QStringLiteral("sourceMetadata"), t.sourceMetadata);
    putText(o, QStringLiteral("externalId"), t.externalId);
    if (t.categoryConfidence)
        o.insert(QStringLiteral("categoryConfidence"), *t.categoryConfidence);
    putText(o, QStringLiteral("categorizedBy"), TransactionEnums::key(t.categorizedBy));
    putTimes(o, t.createdAt, t.updatedAt);
    return o;
}

Result<Category> BackupFormat::readCategory(const QJsonValue& value, qint64 number)
{
    Fields f(value, tr("Category %1").arg(number));
    Category c;
    c.uuid = f.uuid(QStringLiteral("uuid"), true);
    c.name = f.text(QStringLiteral("name"), true);
    c.systemKey = f.text(QStringLiteral("systemKey"));
    c.description = f.text(QStringLiteral("description"));
    if (f.has(QStringLiteral("icon")))
        c.icon = f.text(QStringLiteral("icon"));
    if (f.has(QStringLiteral("color")))
        c.color = f.text(QStringLiteral("color"));
    c.type = f.choice(QStringLiteral("type"), CategoryType::Expense, true, CategoryEnums::typeFromKey);
    c.isSystem = f.boolean(QStringLiteral("system"), false);
    c.displayOrder = int(f.integer(QStringLiteral("displayOrder")).value_or(0));
    c.createdAt = f.time(QStringLiteral("createdAt"));
    c.updatedAt = f.time(QStringLiteral("updatedAt"));
    if (!f.ok())
        return f.error();
    if (c.isSystem && c.systemKey.isEmpty())
        f.fail(QStringLiteral("systemKey"));
    if (!f.ok())
        return f.error();
    if (auto valid = CategoryRepository::validate(c); !valid)
        return f.invalid(valid.error());
    return c;
}

Result<Invoice> BackupFormat::readInvoice(const QJsonValue& value, qint64 number)
{
    Fields f(value, tr("Receipt %1").arg(number));
    Invoice i;
    i.uuid = f.uuid(QStringLiteral("uuid"), true);
    i.filename = f.text(QStringLiteral("filename"), true);
    i.filePath = f.text(QStringLiteral("filePath"), true);
    i.sha256 = f.text(QStringLiteral("sha256"), true).toLower();
    i.mimeType = f.text(QStringLiteral("mimeType"));
    i.storeName = f.text(QStringLiteral("storeName"));
    i.date = f.date(QStringLiteral("date"));
    i.total = f.money(QStringLiteral("total"));
    i.tax = f.money(QStringLiteral("tax"));
    i.status = f.choice(QStringLiteral("status"), InvoiceStatus::Pending, true, InvoiceEnums::statusFromKey);
    i.error = f.text(QStringLiteral("error"));
    i.createdAt = f.time(QStringLiteral("createdAt"));
    i.updatedAt = f.time(QStringLiteral("updatedAt"));
    if (!f.ok())
        return f.error();
    if (auto valid = InvoiceRepository::validate(i); !valid)
        return f.invalid(valid.error());
    return i;
}

Result<BackupFormat::BudgetRecord> BackupFormat::readBudget(const QJsonValue& value, qint64 number)
{
    Fields f(value, tr("Budget %1").arg(number));
    BudgetRecord r;
    r.categoryUuid = f.uuid(QStringLiteral("category"));
    r.budget.limit = f.money(QStringLiteral("limit"), true).value_or(Money());
    r.budget.period = f.choice(QStringLiteral("period"), BudgetPeriod::Monthly, true, BudgetEnums::periodFromKey);
    r.budget.alertThreshold = f.ratio(QStringLiteral("alertThreshold")).value_or(0.8);
    r.budget.createdAt = f.time(QStringLiteral("createdAt"));
    r.budget.updatedAt = f.time(QStringLiteral("updatedAt"));
    if (!f.ok())
        return f.error();
    if (auto valid = BudgetRepository::validate(r.budget); !valid)
        return f.invalid(valid.error());
    return r;
}

Result<BackupFormat::RuleRecord> BackupFormat::readRule(const QJsonValue& value, qint64 number)
{
    Fields f(value, tr("Rule %1").arg(number));
    RuleRecord r;
    r.categoryUuid = f.uuid(QStringLiteral("category"), true);
    r.rule.pattern = f.text(QStringLiteral("pattern"), true);
    r.rule.type = f.choice(QStringLiteral("type"), RuleType::Keyword, true, CategorizationRuleEnums::typeFromKey);
    r.rule.confidenceThreshold = f.ratio(QStringLiteral("confidenceThreshold")).value_or(0.0);
    r.rule.priority = int(f.integer(QStringLiteral("priority")).value_or(0));
    r.rule.isActive = f.boolean(QStringLiteral("active"), true);
    r.rule.origin = f.choice(QStringLiteral("origin"), RuleOrigin::User, false, CategorizationRuleEnums::originFromKey);
    r.rule.hitCount = qMax<qint64>(0, f.integer(QStringLiteral("hitCount")).value_or(0));
    r.rule.createdAt = f.time(QStringLiteral("createdAt"));
    r.rule.updatedAt = f.time(QStringLiteral("updatedAt"));
    if (!f.ok())
        return f.error();
    if (auto valid = CategorizationRuleRepository::validate(r.rule); !valid)
        return f.invalid(valid.error());
    return r;
}

Result<BackupFormat::TransactionRecord> BackupFormat::readTransaction(const QJsonValue& value, qint64 number)
{
    Fields f(value, tr("Transaction %1").arg(number));
    TransactionRecord r;
    Transaction& t = r.transaction;
    t.uuid = f.uuid(QStringLiteral("uuid"), true);
    t.occurredOn = f.date(QStringLiteral("date"), true);
    t.type = f.choice(QStringLiteral("type"), TransactionType::Expense, true, TransactionEnums::typeFromKey);
    t.amount = f.money(QStringLiteral("amount"), true).value_or(Money());
    t.merchant = f.text(QStringLiteral("merchant"));
    t.description = f.text(QStringLiteral("description"));
    t.notes = f.text(QStringLiteral("notes"));
    r.categoryUuid = f.uuid(QStringLiteral("category"));
    r.invoiceUuid = f.uuid(QStringLiteral("invoice"));
    t.source = f.choice(QStringLiteral("source"), TransactionSource::Manual, false, TransactionEnums::sourceFromKey);
    t.sourceMetadata = f.object(QStringLiteral("sourceMetadata"));
    t.externalId = f.text(QStringLiteral("externalId"));
    t.confirmedByUser = f.boolean(QStringLiteral("confirmed"), false);
    t.categoryConfidence = f.ratio(QStringLiteral("categoryConfidence"));
    t.categorizedBy = f.choice(QStringLiteral("categorizedBy"), CategorizedBy::None, false,
                               [](const QString& key) -> std::optional<CategorizedBy> {
                                   const CategorizedBy by = TransactionEnums::categorizedByFromKey(key);
                                   return by == CategorizedBy::None ? std::nullopt : std::optional<CategorizedBy>(by);
                               });
    t.createdAt = f.time(QStringLiteral("createdAt"));
    t.updatedAt = f.time(QStringLiteral("updatedAt"));
    if (!f.ok())
        return f.error();
    if (auto valid = TransactionRepository::validate(t); !valid)
        return f.invalid(valid.error());
    return r;
}

} // namespace Moniagent
