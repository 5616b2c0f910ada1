#pragma once

#include "ai/assistantanswer.h"
#include "ai/questionparser.h"

#include <QCoreApplication>

#include <atomic>

namespace Moniagent {

class AssistantTools;

// Turns a parsed question into an answer: calls the tools, records the calls, and writes one or two sentences with
// the exact amounts, a small table, the ledger filter behind the numbers and proposals. Runs on any thread.
class OfflineAnswers
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::OfflineAssistant)

public:
    explicit OfflineAnswers(const AssistantTools& tools);

    // Fails with Error::Code::Cancelled when `cancelled` becomes true between tool calls.
    Result<AssistantAnswer> answer(const QuestionIntent& intent, const std::atomic<bool>* cancelled = nullptr) const;

    // What the assistant can answer, with example questions (for questions it does not understand).
    static QString helpText();
    static QStringList exampleQuestions();

    // "in October 2026", "from 1 Mar 2026 to 22 Nov 2026", "on 21 November 2026".
    QString describe(const DateRange& range) const;

private:
    const AssistantTools& m_tools;
};

} // namespace Moniagent
