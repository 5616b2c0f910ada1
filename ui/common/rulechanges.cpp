#include "rulechanges.h"

#include "core/categorizationreason.h"
#include "db/categoryrepository.h"
#include "itemmodels/transactionmodel.h"

#include <QApplication>
#include <QProgressDialog>

#include <algorithm>

namespace Moniagent {

namespace {
constexpr int MaxNamedCategories = 5;
}

std::optional<RuleChanges::Changes> RuleChanges::plan(Categorizer* categorizer, Categorizer::Scope scope,
                                                      bool rulesOnly, QWidget* parent, QString* error)
{
    QProgressDialog progress(tr("Checking your transactions against the rules…"), tr("Cancel"), 0, 0, parent);
    progress.setObjectName(QStringLiteral("rulesProgress"));
    progress.setWindowTitle(tr("Categorization Rules"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    progress.setAutoReset(false);
    progress.setAutoClose(false);
    // The categorizer works on this thread; the dialog's setValue() keeps the window painting and the
    // Cancel button working between its steps.
    auto result = categorizer->plan(scope, rulesOnly, [&progress](qint64 done, qint64 total) {
        if (total > 0) {
            progress.setMaximum(1000);
            progress.setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 999)));
        }
        return !progress.wasCanceled();
    });
    const bool cancelled = progress.wasCanceled();
    progress.close();
    if (cancelled)
        return std::nullopt;
    if (!result) {
        if (error)
            *error = result.error().message;
        return std::nullopt;
    }
    return *result;
}

RuleChanges::Changes RuleChanges::madeBy(const Changes& changes, const CategorizationRule& rule)
{
    Changes mine;
    for (const Categorizer::Change& change : changes) {
        if (change.after.categoryId == rule.categoryId
            && CategorizationReason::isRule(CategorizationReason::fromMetadata(change.after.sourceMetadata), rule))
            mine.append(change);
    }
    return mine;
}

QString RuleChanges::breakdown(const Changes& changes, CategoryRepository* categories, qint64 userId,
                               const QLocale& locale)
{
    QHash<qint64, QString> names;
    if (auto list = categories->list(userId)) {
        for (const Category& c : std::as_const(*list))
            names.insert(c.id, c.name);
    }
    // Per new category, most changed first.
    QHash<qint64, qint64> counts; // 0: uncategorized
    for (const Categorizer::Change& change : changes)
        counts[change.after.categoryId.value_or(0)]++;
    QList<std::pair<qint64, qint64>> sorted;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        sorted.append({it.value(), it.key()});
    std::sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : names.value(a.second) < names.value(b.second);
    });
    QStringList parts;
    qint64 others = 0;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        if (i >= MaxNamedCategories) {
            others += sorted.at(i).first;
            continue;
        }
        const QString name = sorted.at(i).second == 0 ? tr("Uncategorized") : names.value(sorted.at(i).second);
        parts << tr("%1 → %2").arg(locale.toString(sorted.at(i).first), name);
    }
    if (others > 0)
        parts << tr("%1 → other categories").arg(locale.toString(others));
    return parts.join(QStringLiteral(", "));
}

QString RuleChanges::summary(const Changes& changes, CategoryRepository* categories, qint64 userId,
                             const QLocale& locale)
{
    if (changes.isEmpty())
        return tr("No transactions would change: the rules agree with the categories you have now.");
    return tr("%Ln transaction(s) will change: %1", nullptr, int(changes.size()))
        .arg(breakdown(changes, categories, userId, locale));
}

Result<void> RuleChanges::apply(TransactionModel* model, const Changes& changes, const QString& description)
{
    QList<Transaction> before;
    QList<Transaction> after;
    before.reserve(changes.size());
    after.reserve(changes.size());
    for (const Categorizer::Change& change : changes) {
        before.append(change.before);
        after.append(change.after);
    }
    return model->updateTransactions(before, after, description);
}

} // namespace Moniagent
