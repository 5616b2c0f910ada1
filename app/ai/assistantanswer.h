#pragma once

#include "core/transactionfilter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Moniagent {

// A small table that goes with an answer ("Category | Spent", "Month | Income | Expenses").
struct AnswerTable
{
    QStringList headers;
    QList<QStringList> rows; // formatted cells (money through QLocale), one list per row
    QList<int> numericColumns; // columns to align right

    bool isEmpty() const { return rows.isEmpty(); }
    friend bool operator==(const AnswerTable&, const AnswerTable&) = default;
};

// A change the assistant suggests but never makes by itself: the chat shows it as a button that the user
// confirms. `parameters` are what the action needs, e.g. {"categoryId": 3, "limitMinor": 40000,
// "currency": "EUR", "period": "monthly"} for a budget, {"pattern": "TESCO", "ruleType": "keyword",
// "categoryId": 1} for a rule, {"merchant": "Netflix", "categoryId": 8} to recategorize a merchant.
struct ProposedAction
{
    enum class Kind
    {
        CreateBudget,
        CreateRule,
        RecategorizeMerchant
    };
    Kind kind = Kind::CreateBudget;
    QString label; // translated button text, e.g. "Create a monthly budget of €400.00 for Groceries"
    QJsonObject parameters;

    static QString key(Kind kind); // "create_budget", "create_rule", "recategorize_merchant"
    static std::optional<Kind> kindFromKey(QStringView key);
    friend bool operator==(const ProposedAction&, const ProposedAction&) = default;
};

// What the assistant answers: a sentence or two (Markdown), an optional table, the transactions behind the
// numbers (a ledger filter for the "show transactions" link) and proposed changes.
struct AssistantAnswer
{
    QString text;
    AnswerTable table;
    std::optional<TransactionFilter> transactions;
    QList<ProposedAction> proposals;
    // False when the question was not understood; `text` then says what the assistant can answer instead.
    bool understood = true;
    // The tool calls that produced the numbers: [{"tool": name, "arguments": {…}, "result": {…}}]. Kept in
    // chat_messages.metadata and printed by `ask --json`.
    QJsonArray toolCalls;

    // {"text", "understood", "table": {"headers", "rows", "numericColumns"}, "transactions": {filter},
    //  "proposals": [{"kind", "label", "parameters"}], "toolCalls"}. Stored in chat_messages.metadata.
    QJsonObject toJson() const;
    static AssistantAnswer fromJson(const QJsonObject& json);
};

// The ledger filter in JSON ({"from": "2026-10-01", "to": "2026-10-31", "categoryIds": [..], "type": "expense",
// "search": "…", "uncategorized": bool}); used by answers and by tool arguments.
QJsonObject filterToJson(const TransactionFilter& filter);
TransactionFilter filterFromJson(const QJsonObject& json);

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::AssistantAnswer)
