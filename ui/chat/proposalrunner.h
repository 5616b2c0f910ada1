#pragma once

#include "ai/assistantanswer.h"

#include <QObject>

class QWidget;

namespace Moniagent {

class BudgetsPage;
class CategorizationActions;
class Session;

// Carries out a change the assistant proposed, always through the dialog or question the user would see
// anyway, so nothing happens without their confirmation and the change can be undone like any other:
// a budget opens the budget dialog filled in; a rule opens the rule dialog filled in; recategorizing a
// merchant makes the "Always categorize" rule and asks before applying it to existing transactions.
class ProposalRunner : public QObject
{
    Q_OBJECT

public:
    ProposalRunner(Session* session, BudgetsPage* budgets, CategorizationActions* categorization, QWidget* window);

    void run(const ProposedAction& action);

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void createBudget(const QJsonObject& parameters);
    void createRule(const QJsonObject& parameters);
    void recategorize(const QJsonObject& parameters);
    void refuse(const QString& message);

    Session* m_session;
    BudgetsPage* m_budgets;
    CategorizationActions* m_categorization;
    QWidget* m_window;
};

} // namespace Moniagent
