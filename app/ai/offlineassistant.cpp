#include "offlineassistant.h"

#include "assistanttools.h"
#include "core/clock.h"
#include "offlineanswers.h"
#include "questionparser.h"
#include "session/session.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace Moniagent {

OfflineAssistant::OfflineAssistant(Database* database, qint64 userId, const Clock& clock, QLocale locale,
                                   Currency baseCurrency, const BudgetEngine* budgets, QObject* parent)
    : Assistant(parent)
    , m_tools(std::make_shared<const AssistantTools>(database, userId, clock, std::move(locale),
                                                     std::move(baseCurrency), budgets))
{ }

OfflineAssistant::OfflineAssistant(const Session& session, QObject* parent)
    : OfflineAssistant(session.database(), session.userId(), session.clock(), session.locale(), session.baseCurrency(),
                       session.budgetEngine(), parent)
{ }

OfflineAssistant::~OfflineAssistant()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    for (QFuture<Outcome>& future : m_running)
        future.waitForFinished();
}

QString OfflineAssistant::displayName() const
{
    return tr("Offline assistant");
}

QStringList OfflineAssistant::exampleQuestions()
{
    return OfflineAnswers::exampleQuestions();
}

OfflineAssistant::Outcome OfflineAssistant::compute(const AssistantTools& tools, const QString& question,
                                                    const std::atomic<bool>* cancelled)
{
    Outcome outcome;
    if (question.trimmed().isEmpty()) {
        outcome.answer.understood = false;
        outcome.answer.text = OfflineAnswers::helpText();
        return outcome;
    }
    auto categories = tools.categories();
    if (!categories) {
        outcome.error = categories.error().message;
        return outcome;
    }
    const QuestionParser parser(*categories, tools.clock().today(), tools.locale(), tools.baseCurrency());
    const QuestionIntent intent = parser.parse(question);
    auto answer = OfflineAnswers(tools).answer(intent, cancelled);
    if (!answer) {
        if (answer.error().code == Error::Code::Cancelled)
            outcome.cancelled = true;
        else
            outcome.error = answer.error().message;
        return outcome;
    }
    outcome.answer = *answer;
    return outcome;
}

AssistantAnswer OfflineAssistant::answerNow(const QString& question) const
{
    Outcome outcome = compute(*m_tools, question, nullptr);
    if (!outcome.error.isEmpty())
        outcome.answer.text = tr("The assistant could not read your data: %1").arg(outcome.error);
    return outcome.answer;
}

void OfflineAssistant::ask(const QString& question, const QList<ChatMessage>& history)
{
    Q_UNUSED(history);
    if (m_busy)
        cancel();
    m_running.removeIf([](const QFuture<Outcome>& future) { return future.isFinished(); });
    auto flag = std::make_shared<std::atomic<bool>>(false);
    m_cancelFlag = flag;
    m_busy = true;
    Q_EMIT progress(tr("Looking up your data…"));
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, flag] {
        watcher->deleteLater();
        if (flag->load())
            return; // cancel() already said so
        m_busy = false;
        const Outcome outcome = watcher->result();
        if (outcome.cancelled) {
            Q_EMIT cancelled();
        } else if (!outcome.error.isEmpty()) {
            Q_EMIT failed(tr("The assistant could not read your data: %1").arg(outcome.error));
        } else {
            Q_EMIT textDelta(outcome.answer.text);
            Q_EMIT finished(outcome.answer);
        }
    });
    std::shared_ptr<const AssistantTools> tools = m_tools;
    const QFuture<Outcome> future
        = QtConcurrent::run([tools, question, flag] { return compute(*tools, question, flag.get()); });
    m_running << future;
    watcher->setFuture(future);
}

void OfflineAssistant::cancel()
{
    if (!m_busy)
        return;
    m_busy = false;
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    Q_EMIT cancelled();
}

} // namespace Moniagent
