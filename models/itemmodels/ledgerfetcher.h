#pragma once

#include "core/transactionfilter.h"
#include "db/ledgerpager.h"

#include <QObject>

#include <functional>
#include <memory>

namespace Moniagent {

class TransactionRepository;

// Runs ledger queries off the GUI thread so the window never waits for SQL. Two worker threads, each with
// its own connection: one for pages and "where is row X" lookups (newest request first, since the latest
// scroll position matters most), one for the row count and the totals, so a new query's count and first
// page are computed at the same time. Every request belongs to a
// generation; starting a new one drops whatever is still queued for older generations, and results carry
// their generation so the receiver can ignore late answers.
class LedgerFetcher : public QObject
{
    Q_OBJECT
public:
    explicit LedgerFetcher(const TransactionRepository* repository, QObject* parent = nullptr);
    ~LedgerFetcher() override;

    void start(quint64 generation, const LedgerPager::Spec& spec);
    void requestCount();
    void requestPage(int index);
    void requestTotals();
    void requestLocate(qint64 id);

Q_SIGNALS:
    void countReady(quint64 generation, qint64 count);
    void pageReady(quint64 generation, int index, const QList<Moniagent::Transaction>& rows);
    void totalsReady(quint64 generation, const Moniagent::LedgerTotals& totals);
    void located(quint64 generation, qint64 id, qint64 row);
    void failed(quint64 generation, const QString& message);

private:
    class Lane;
    struct State;

    std::shared_ptr<State> m_state;
    const TransactionRepository* m_repository = nullptr;
    // Returns the rows lane's pager for a generation, or null when the generation is stale.
    std::function<LedgerPager*(quint64)> m_pager;
    std::unique_ptr<Lane> m_rows;
    std::unique_ptr<Lane> m_aggregates;
};

} // namespace Moniagent
