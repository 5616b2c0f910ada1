#pragma once

#include "ai/assistant.h"
#include "core/currency.h"

#include <QFuture>
#include <QList>
#include <QLocale>

#include <atomic>
#include <memory>

namespace Moniagent {

class AssistantTools;
class BudgetEngine;
class Clock;
class Database;
class Session;

// The built-in assistant (no language model): understands common questions in English and German
// (QuestionParser), answers them with the read-only AssistantTools on a worker thread and writes a sentence or two
// with the exact numbers, a small table, the transactions behind them and proposed changes as buttons. It never
// writes. Create it on the GUI thread; signals arrive there.
class OfflineAssistant : public Assistant
{
    Q_OBJECT

public:
    OfflineAssistant(Database* database, qint64 userId, const Clock& clock, QLocale locale, Currency baseCurrency,
                     const BudgetEngine* budgets, QObject* parent = nullptr);
    // For the session's current profile (recreate it when the profile, its locale or its currency changes).
    explicit OfflineAssistant(const Session& session, QObject* parent = nullptr);
    // Waits for an answer still being computed (at most a few hundred milliseconds).
    ~OfflineAssistant() override;

    void ask(const QString& question, const QList<ChatMessage>& history = {}) override;
    void cancel() override;
    bool isBusy() const override { return m_busy; }
    QString displayName() const override;

    // Answers on the calling thread (the command line, benchmarks). Never fails: a database error becomes an
    // answer whose text says so, with understood = true and no numbers.
    AssistantAnswer answerNow(const QString& question) const;

    // Questions to suggest in a new chat.
    static QStringList exampleQuestions();

private:
    struct Outcome
    {
        AssistantAnswer answer;
        QString error; // set when the tools failed
        bool cancelled = false;
    };
    static Outcome compute(const AssistantTools& tools, const QString& question, const std::atomic<bool>* cancelled);

    std::shared_ptr<const AssistantTools> m_tools;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    QList<QFuture<Outcome>> m_running;
    bool m_busy = false;
};

} // namespace Moniagent
