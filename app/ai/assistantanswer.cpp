#include "assistantanswer.h"

#include <QJsonArray>

namespace Moniagent {

namespace {

QJsonArray toArray(const QStringList& strings)
{
    QJsonArray array;
    for (const QString& s : strings)
        array.append(s);
    return array;
}

QStringList toStrings(const QJsonArray& array)
{
    QStringList strings;
    strings.reserve(array.size());
    for (const QJsonValue& value : array)
        strings.append(value.toString());
    return strings;
}

} // namespace

QString ProposedAction::key(Kind kind)
{
    switch (kind) {
    case Kind::CreateBudget:
        return QStringLiteral("create_budget");
    case Kind::CreateRule:
        return QStringLiteral("create_rule");
    case Kind::RecategorizeMerchant:
        return QStringLiteral("recategorize_merchant");
    }
    return {};
}

std::optional<ProposedAction::Kind> ProposedAction::kindFromKey(QStringView key)
{
    for (Kind kind : {Kind::CreateBudget, Kind::CreateRule, Kind::RecategorizeMerchant}) {
        if (ProposedAction::key(kind) == key)
            return kind;
    }
    return std::nullopt;
}

QJsonObject filterToJson(const TransactionFilter& filter)
{
    QJsonObject json;
    if (filter.dates.from.isValid())
        json.insert(QStringLiteral("from"), filter.dates.from.toString(Qt::ISODate));
    if (filter.dates.to.isValid())
        json.insert(QStringLiteral("to"), filter.dates.to.toString(Qt::ISODate));
    if (!filter.categoryIds.isEmpty()) {
        QJsonArray ids;
        for (qint64 id : filter.categoryIds)
            ids.append(id);
        json.insert(QStringLiteral("categoryIds"), ids);
    }
    if (filter.uncategorized)
        json.insert(QStringLiteral("uncategorized"), true);
    if (filter.type)
        json.insert(QStringLiteral("type"), TransactionEnums::key(*filter.type));
    if (!filter.search.isEmpty())
        json.insert(QStringLiteral("search"), filter.search);
    return json;
}

TransactionFilter filterFromJson(const QJsonObject& json)
{
    TransactionFilter filter;
    filter.dates.from = QDate::fromString(json.value(QStringLiteral("from")).toString(), Qt::ISODate);
    filter.dates.to = QDate::fromString(json.value(QStringLiteral("to")).toString(), Qt::ISODate);
    for (const QJsonValue& id : json.value(QStringLiteral("categoryIds")).toArray())
        filter.categoryIds.append(id.toInteger());
    filter.uncategorized = json.value(QStringLiteral("uncategorized")).toBool();
    filter.type = TransactionEnums::typeFromKey(json.value(QStringLiteral("type")).toString());
    filter.search = json.value(QStringLiteral("search")).toString();
    return filter;
}

QJsonObject AssistantAnswer::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("text"), text);
    json.insert(QStringLiteral("understood"), understood);
    if (!table.headers.isEmpty() || !table.rows.isEmpty()) {
        QJsonArray rows;
        for (const QStringList& row : table.rows)
            rows.append(toArray(row));
        QJsonArray numeric;
        for (int column : table.numericColumns)
            numeric.append(column);
        json.insert(QStringLiteral("table"),
                    QJsonObject {{QStringLiteral("headers"), toArray(table.headers)},
                                 {QStringLiteral("rows"), rows},
                                 {QStringLiteral("numericColumns"), numeric}});
    }
    if (transactions)
        json.insert(QStringLiteral("transactions"), filterToJson(*transactions));
    if (!proposals.isEmpty()) {
        QJsonArray array;
        for (const ProposedAction& action : proposals) {
            array.append(QJsonObject {{QStringLiteral("kind"), ProposedAction::key(action.kind)},
                                      {QStringLiteral("label"), action.label},
                                      {QStringLiteral("parameters"), action.parameters}});
        }
        json.insert(QStringLiteral("proposals"), array);
    }
    if (!toolCalls.isEmpty())
        json.insert(QStringLiteral("toolCalls"), toolCalls);
    return json;
}

AssistantAnswer AssistantAnswer::fromJson(const QJsonObject& json)
{
    AssistantAnswer answer;
    answer.text = json.value(QStringLiteral("text")).toString();
    answer.understood = json.value(QStringLiteral("understood")).toBool(true);
    const QJsonObject table = json.value(QStringLiteral("table")).toObject();
    answer.table.headers = toStrings(table.value(QStringLiteral("headers")).toArray());
    for (const QJsonValue& row : table.value(QStringLiteral("rows")).toArray())
        answer.table.rows.append(toStrings(row.toArray()));
    for (const QJsonValue& column : table.value(QStringLiteral("numericColumns")).toArray())
        answer.table.numericColumns.append(column.toInt());
    if (json.contains(QStringLiteral("transactions")))
        answer.transactions = filterFromJson(json.value(QStringLiteral("transactions")).toObject());
    for (const QJsonValue& value : json.value(QStringLiteral("proposals")).toArray()) {
        const QJsonObject object = value.toObject();
        const auto kind = ProposedAction::kindFromKey(object.value(QStringLiteral("kind")).toString());
        if (!kind)
            continue; // written by a newer version
        answer.proposals.append(ProposedAction {*kind, object.value(QStringLiteral("label")).toString(),
                                                object.value(QStringLiteral("parameters")).toObject()});
    }
    answer.toolCalls = json.value(QStringLiteral("toolCalls")).toArray();
    return answer;
}

} // namespace Moniagent
