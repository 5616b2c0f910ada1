#pragma once

#include "ai/llmstructuredcall.h"
#include "categorize/categorizer.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace Moniagent {

// The categorizer's language-model stage (features.categorization): asked by the Categorizer for new transactions
// that rules and the learned model could not categorize with enough confidence. Each question runs on this stage's
// own worker thread (one call at a time, in order), so the thread that asks — the window's — never waits; `done`
// comes back on the thread the stage lives on. The model chooses one of the user's category names (a JSON schema
// enum) with a confidence; the Categorizer stores it as categorized_by `llm`, and below the auto-apply threshold the
// transaction waits in the review queue with the suggestion pre-selected.
//
// The profile's settings are read for every question: with no model configured or the feature off, `done` gets
// nothing and no request is made. At most MaxQueued questions wait; more are answered with nothing at once (a big
// import does not turn into thousands of calls). Every call is accounted (type categorization) and the monthly cap
// is checked first.
class LlmCategorizer
    : public QObject
    , public LlmCategorizationStage
{
    Q_OBJECT
public:
    static constexpr int MaxQueued = 100;

    LlmCategorizer(const LlmStageEnvironment& environment, qint64 userId, QObject* parent = nullptr);
    ~LlmCategorizer() override;

    void suggest(const CategorizationInput& input, const QList<Category>& categories, Done done) override;

    // The schema of the answer for these category names.
    static QJsonObject schema(const QStringList& categoryNames);
    // The transaction as the data the model reads.
    static QString input(const CategorizationInput& input);
    // Asks the model on the calling (worker) thread; nothing when the stage is off or the answer is unusable.
    static std::optional<CategorySuggestion> ask(const LlmStageEnvironment& environment, qint64 userId,
                                                 const CategorizationInput& input, const QList<Category>& categories,
                                                 const std::function<bool()>& cancelled);

    // Questions waiting or running.
    int pending() const { return m_pending.load(); }

private:
    LlmStageEnvironment m_environment;
    qint64 m_userId;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<bool>> m_stopping;
    std::atomic<int> m_pending {0};
};

} // namespace Moniagent
