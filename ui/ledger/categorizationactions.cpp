#include "categorizationactions.h"

#include "categorize/categorizer.h"
#include "common/categoryicons.h"
#include "common/messagebox.h"
#include "common/rulechanges.h"
#include "db/categoryrepository.h"
#include "itemmodels/transactionmodel.h"
#include "ledgerview.h"

#include <QApplication>
#include <QMenu>

#include <numeric>

namespace Moniagent {

namespace {
QString storeName(const Transaction& t)
{
    return t.merchant.trimmed().isEmpty() ? t.description.trimmed() : t.merchant.trimmed();
}

bool hasSuggestion(const Transaction& t)
{
    return t.categoryId.has_value() && !t.confirmedByUser;
}
} // namespace

CategorizationActions::CategorizationActions(Categorizer* categorizer, TransactionRepository* transactions,
                                             CategoryRepository* categories, LedgerView* view, QObject* parent)
    : QObject(parent)
    , m_categorizer(categorizer)
    , m_transactions(transactions)
    , m_categories(categories)
    , m_view(view)
    , m_model(view->ledgerModel())
{
    connect(view, &LedgerView::acceptRequested, this, [this](const QList<int>& rows) {
        (void)acceptRows(rows); // a failure reaches the status bar through the model
    });
    connect(view, &LedgerView::contextMenuAboutToShow, this, &CategorizationActions::addContextActions);
}

QWidget* CategorizationActions::window() const
{
    return m_view ? m_view->window() : nullptr;
}

QString CategorizationActions::categoryName(qint64 id) const
{
    auto category = m_categories->find(m_model->userId(), id);
    return category ? category->name : QString();
}

Result<int> CategorizationActions::accept(const QList<Transaction>& transactions)
{
    QList<Transaction> before;
    QList<Transaction> after;
    for (const Transaction& t : transactions) {
        if (!hasSuggestion(t))
            continue;
        before.append(t);
        Transaction confirmed = t;
        confirmed.confirmedByUser = true; // same category, same source of it: the suggestion was right
        after.append(confirmed);
    }
    if (after.isEmpty())
        return 0;
    const QString description = after.size() == 1
        ? tr("Accept “%1” for “%2”").arg(categoryName(*after.first().categoryId), storeName(after.first()))
        : tr("Accept %Ln suggestion(s)", nullptr, int(after.size()));
    // Every confirmation also teaches the categorizer (inside the same write), so a long list takes a moment.
    const bool slow = after.size() > 200;
    if (slow)
        QApplication::setOverrideCursor(Qt::WaitCursor);
    auto updated = m_model->updateTransactions(before, after, description);
    if (slow)
        QApplication::restoreOverrideCursor();
    if (!updated)
        return updated.error();
    Q_EMIT statusMessage(
        after.size() == 1
            ? tr("Accepted “%1” for “%2”.").arg(categoryName(*after.first().categoryId), storeName(after.first()))
            : tr("Accepted %Ln suggestion(s).", nullptr, int(after.size())));
    return int(after.size());
}

Result<QList<Transaction>> CategorizationActions::transactionsAt(const QList<int>& rows) const
{
    // Loaded rows as they are; the others (never scrolled into view) by id, in one query.
    QList<Transaction> transactions;
    QList<int> missing;
    for (int row : rows) {
        if (auto t = m_model->transactionAt(row))
            transactions.append(*t);
        else
            missing.append(row);
    }
    if (missing.isEmpty())
        return transactions;
    auto ids = m_model->idsForRows(missing);
    if (!ids)
        return ids.error();
    auto rest = m_transactions->findMany(m_model->userId(), *ids);
    if (!rest)
        return rest.error();
    transactions.append(*rest);
    return transactions;
}

Result<int> CategorizationActions::acceptRows(const QList<int>& rows)
{
    if (rows.size() > MaxAcceptAtOnce) {
        MessageBox::information(window(), tr("Accept Suggestions"),
                                tr("Select at most %1 transactions to accept them at once.")
                                    .arg(m_model->locale().toString(MaxAcceptAtOnce)));
        return 0;
    }
    auto transactions = transactionsAt(rows);
    if (!transactions) {
        MessageBox::warning(window(), tr("Accept Suggestions"), transactions.error().message,
                            transactions.error().detail);
        return transactions.error();
    }
    return accept(*transactions);
}

Result<int> CategorizationActions::acceptAllVisible()
{
    const int count = m_model->rowCount();
    if (count == 0)
        return 0;
    if (count > MaxAcceptAtOnce) {
        MessageBox::information(window(), tr("Accept Suggestions"),
                                tr("Narrow the list to at most %1 transactions to accept them at once.")
                                    .arg(m_model->locale().toString(MaxAcceptAtOnce)));
        return 0;
    }
    if (count > 1000) {
        const auto answer = MessageBox::question(
            window(), tr("Accept Suggestions"),
            tr("Accept the suggested categories of all %1 transactions in the list? You can undo this with "
               "Edit › Undo.")
                .arg(m_model->locale().toString(count)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer != QMessageBox::Yes)
            return 0;
    }
    QList<int> rows(count);
    std::iota(rows.begin(), rows.end(), 0);
    auto transactions = transactionsAt(rows);
    if (!transactions) {
        MessageBox::warning(window(), tr("Accept Suggestions"), transactions.error().message,
                            transactions.error().detail);
        return transactions.error();
    }
    auto accepted = accept(*transactions);
    if (accepted && *accepted == 0)
        Q_EMIT statusMessage(tr("There is no suggestion to accept in this list."));
    return accepted;
}

Result<void> CategorizationActions::alwaysCategorize(const Transaction& transaction, qint64 categoryId)
{
    const QString title = tr("Always Categorize");
    auto rule = m_categorizer->ruleForStore(transaction, categoryId);
    if (!rule) {
        MessageBox::warning(window(), title, rule.error().message, rule.error().detail);
        return rule.error();
    }
    CategorizationRule saved = *rule;
    if (saved.id > 0) {
        auto updated = m_categorizer->updateRule(saved);
        if (!updated) {
            MessageBox::warning(window(), title, updated.error().message, updated.error().detail);
            return updated.error();
        }
    } else {
        auto added = m_categorizer->addRule(saved);
        if (!added) {
            MessageBox::warning(window(), title, added.error().message, added.error().detail);
            return added.error();
        }
        saved.id = *added;
    }
    const QString category = categoryName(categoryId);
    const QString store = saved.pattern;
    // One store's rows, found through the text index: quick enough to wait for here.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto preview = m_categorizer->preview(saved, 0);
    QApplication::restoreOverrideCursor();
    if (!preview) {
        MessageBox::warning(window(), title, preview.error().message, preview.error().detail);
        return preview.error();
    }
    if (preview->changing == 0) {
        Q_EMIT statusMessage(tr("From now on, “%1” is categorized as %2.").arg(store, category));
        return {};
    }
    const auto answer = MessageBox::question(
        window(), title,
        tr("From now on, “%1” is categorized as %2.\n\nAlso change the %Ln transaction(s) from “%1” whose "
           "category you have not confirmed?",
           nullptr, int(std::min<qint64>(preview->changing, INT_MAX)))
            .arg(store, category),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        Q_EMIT statusMessage(tr("From now on, “%1” is categorized as %2.").arg(store, category));
        return {};
    }
    QString error;
    auto plan = RuleChanges::plan(m_categorizer, Categorizer::Scope::Unconfirmed, true, window(), &error);
    if (!plan) {
        if (!error.isEmpty())
            MessageBox::warning(window(), title, error);
        return {};
    }
    const RuleChanges::Changes changes = RuleChanges::madeBy(*plan, saved);
    auto applied = RuleChanges::apply(
        m_model, changes,
        tr("Categorize %Ln transaction(s) from “%1” as %2", nullptr, int(changes.size())).arg(store, category));
    if (!applied) {
        MessageBox::warning(window(), title, applied.error().message, applied.error().detail);
        return applied.error();
    }
    Q_EMIT statusMessage(
        tr("Categorized %Ln transaction(s) from “%1” as %2.", nullptr, int(changes.size())).arg(store, category));
    return {};
}

void CategorizationActions::explain(const Transaction& transaction)
{
    MessageBox::information(window(), tr("Why This Category?"), m_categorizer->explain(transaction));
}

void CategorizationActions::addContextActions(QMenu* menu, const QModelIndex& index)
{
    const auto clicked = m_model->transactionAt(index.row());
    if (!clicked || !m_categorizer)
        return;
    menu->addSeparator();

    // Accept: the selected rows when the click was on the selection, else the clicked row.
    QList<Transaction> selection;
    if (m_view) {
        for (int row : m_view->selectedRows()) {
            if (auto t = m_model->transactionAt(row); t && hasSuggestion(*t))
                selection.append(*t);
        }
    }
    if (selection.isEmpty() && hasSuggestion(*clicked))
        selection.append(*clicked);
    if (!selection.isEmpty()) {
        QAction* accept
            = menu->addAction(selection.size() == 1 ? tr("Accept Suggestion")
                                                    : tr("Accept %Ln Suggestion(s)", nullptr, int(selection.size())));
        accept->setObjectName(QStringLiteral("acceptSuggestion"));
        connect(accept, &QAction::triggered, this, [this, selection]() { (void)this->accept(selection); });
    }

    const QString store = storeName(*clicked);
    if (!store.isEmpty()) {
        QMenu* always = menu->addMenu(tr("Always Categorize “%1” As").arg(store));
        always->setObjectName(QStringLiteral("alwaysCategorizeMenu"));
        auto categories = m_categories->list(m_model->userId());
        if (categories) {
            const Transaction t = *clicked;
            for (const Category& c : std::as_const(*categories)) {
                const bool fits = c.appliesTo(t.type);
                if (!fits)
                    continue;
                QAction* action = always->addAction(CategoryIcons::icon(c.icon, QColor(c.color)), c.name);
                action->setData(c.id);
                action->setCheckable(t.categoryId == c.id);
                action->setChecked(t.categoryId == c.id);
                const qint64 id = c.id;
                connect(action, &QAction::triggered, this, [this, t, id]() { (void)alwaysCategorize(t, id); });
            }
        }
    }

    // Also for an uncategorized row: the answer says what the categorizer would suggest now.
    QAction* why = menu->addAction(tr("Why This Category?"));
    why->setObjectName(QStringLiteral("explainCategory"));
    const Transaction t = *clicked;
    connect(why, &QAction::triggered, this, [this, t]() { explain(t); });
}

} // namespace Moniagent
