#pragma once

#include "categorize/categorizer.h"

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace Moniagent {

// The live preview of the rule being edited: a short pause (~300 ms) after the last edit, asks the categorizer
// how many transactions the rule matches and which it would change. Categorizer::preview() only reads through
// the calling thread's own connection and the stateless RuleMatcher, so it runs on a worker thread: the dialog
// stays responsive on a large ledger, a newer request stops an older one early, and only the newest answer is
// reported.
class RulePreviewer : public QObject
{
    Q_OBJECT
public:
    static constexpr int Delay = 300; // ms after the last change
    static constexpr int Samples = 8;

    explicit RulePreviewer(Categorizer* categorizer, QObject* parent = nullptr);
    ~RulePreviewer() override;

    // Previews `rule` after the pause (a newer request replaces an older one).
    void request(const CategorizationRule& rule);
    void cancel();
    bool isBusy() const { return m_timer.isActive() || m_watcher.isRunning(); }

Q_SIGNALS:
    void started();
    // How far the running preview is (regular expressions read the whole ledger, which takes a while).
    void progress(qint64 done, qint64 total);
    void finished(const Moniagent::Categorizer::RulePreview& preview);
    void failed(const QString& message);

private:
    void run();
    void done();

    QThreadPool m_pool; // first, so it is destroyed last: waits for a running preview
    Categorizer* m_categorizer;
    QTimer m_timer;
    CategorizationRule m_rule;
    // The newest request; a running preview whose generation is older stops at its next progress report.
    std::shared_ptr<std::atomic<quint64>> m_latest;
    quint64 m_runningGeneration = 0;
    bool m_pending = false; // a request waits to run
    QFutureWatcher<Result<Categorizer::RulePreview>> m_watcher;
};

} // namespace Moniagent
