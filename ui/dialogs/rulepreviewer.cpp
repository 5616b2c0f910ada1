#include "rulepreviewer.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Moniagent {

RulePreviewer::RulePreviewer(Categorizer* categorizer, QObject* parent)
    : QObject(parent)
    , m_categorizer(categorizer)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_pool.setMaxThreadCount(1);
    m_timer.setSingleShot(true);
    m_timer.setInterval(Delay);
    connect(&m_timer, &QTimer::timeout, this, &RulePreviewer::run);
    connect(&m_watcher, &QFutureWatcher<Result<Categorizer::RulePreview>>::finished, this, &RulePreviewer::done);
}

RulePreviewer::~RulePreviewer()
{
    m_latest->fetch_add(1); // stops a running preview at its next progress report
    m_watcher.disconnect(this);
    m_pool.waitForDone();
}

void RulePreviewer::request(const CategorizationRule& rule)
{
    m_rule = rule;
    m_pending = true;
    m_latest->fetch_add(1);
    m_timer.start();
}

void RulePreviewer::cancel()
{
    m_pending = false;
    m_latest->fetch_add(1);
    m_timer.stop();
}

void RulePreviewer::run()
{
    if (m_watcher.isRunning())
        return; // done() starts the newest request when the running one has stopped
    m_pending = false;
    const quint64 generation = m_latest->load();
    m_runningGeneration = generation;
    Q_EMIT started();
    Categorizer* categorizer = m_categorizer;
    const CategorizationRule rule = m_rule;
    const std::shared_ptr<std::atomic<quint64>> latest = m_latest;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [categorizer, rule, latest, generation]() {
        return categorizer->preview(rule, Samples,
                                    [latest, generation](qint64, qint64) { return latest->load() == generation; });
    }));
}

void RulePreviewer::done()
{
    const Result<Categorizer::RulePreview> result = m_watcher.result();
    if (m_runningGeneration != m_latest->load()) {
        // Outdated: a newer request waits for its pause, or was due while this one ran.
        if (m_pending && !m_timer.isActive())
            run();
        return;
    }
    if (!result) {
        Q_EMIT failed(result.error().message);
        return;
    }
    Q_EMIT finished(*result);
}

} // namespace Moniagent
