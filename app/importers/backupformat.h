#pragma once

#include "core/budget.h"
#include "core/categorizationrule.h"
#include "core/category.h"
#include "core/invoice.h"
#include "core/result.h"
#include "core/transaction.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>

namespace Moniagent {

// The JSON form of each record of a backup (format "moniagent-backup", version 1), shared by Backup::write and
// Backup::restore. Amounts are {"minor": 1234, "currency": "EUR"}; dates yyyy-MM-dd; times UTC ISO 8601;
// enums by their stored keys; records refer to categories and receipts by uuid, since ids differ between
// databases. Empty texts and absent optional values are left out.
class BackupFormat
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::BackupFormat)

public:
    static constexpr int Version = 1;
    static QString name() { return QStringLiteral("moniagent-backup"); }

    struct BudgetRecord
    {
        Budget budget;
        QString categoryUuid; // empty: the budget for all spending
    };
    struct RuleRecord
    {
        CategorizationRule rule;
        QString categoryUuid;
    };
    struct TransactionRecord
    {
        Transaction transaction;
        QString categoryUuid; // empty: uncategorized
        QString invoiceUuid; // empty: no receipt
    };

    static QJsonObject money(const Money& money);
    static QJsonObject category(const Category& category);
    static QJsonObject invoice(const Invoice& invoice);
    static QJsonObject budget(const Budget& budget, const QString& categoryUuid);
    static QJsonObject rule(const CategorizationRule& rule, const QString& categoryUuid);
    static QJsonObject transaction(const Transaction& transaction, const QString& categoryUuid,
                                   const QString& invoiceUuid);

    // The record at 1-based `number` of its list, checked field by field and with the repository's own rules;
    // an error names the record and what is wrong with it.
    static Result<Category> readCategory(const QJsonValue& value, qint64 number);
    static Result<Invoice> readInvoice(const QJsonValue& value, qint64 number);
    static Result<BudgetRecord> readBudget(const QJsonValue& value, qint64 number);
    static Result<RuleRecord> readRule(const QJsonValue& value, qint64 number);
    static Result<TransactionRecord> readTransaction(const QJsonValue& value, qint64 number);
};

} // namespace Moniagent
