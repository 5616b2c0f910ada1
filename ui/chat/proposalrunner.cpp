#include "proposalrunner.h"

#include "budgets/budgetspage.h"
#include "categorize/categorizer.h"
#include "common/messagebox.h"
#include "dialogs/ruleeditdialog.h"
#include "ledger/categorizationactions.h"
#include "session/session.h"

#include <QJsonValue>
#include <QWidget>

namespace Moniagent {

ProposalRunner::ProposalRunner(Session* session, BudgetsPage* budgets, CategorizationActions* categorization,
                               QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_budgets(budgets)
    , m_categorization(categorization)
    , m_window(window)
{ }

void ProposalRunner::run(const ProposedAction& action)
{
    switch (action.kind) {
    case ProposedAction::Kind::CreateBudget:
        createBudget(action.parameters);
        return;
    case ProposedAction::Kind::CreateRule:
        createRule(action.parameters);
        return;
    case ProposedAction::Kind::RecategorizeMerchant:
        recategorize(action.parameters);
        return;
    }
}

void ProposalRunner::refuse(const QString& message)
{
    MessageBox::warning(m_window, tr("Assistant"), message);
}

void ProposalRunner::createBudget(const QJsonObject& parameters)
{
    Budget budget;
    budget.userId = m_session->userId();
    const QJsonValue category = parameters.value(QStringLiteral("categoryId"));
    if (category.isDouble() && category.toInteger() > 0)
        budget.categoryId = category.toInteger();
    const QString currency = parameters.value(QStringLiteral("currency")).toString();
    budget.limit = Money(parameters.value(QStringLiteral("limitMinor")).toInteger(),
                         currency.isEmpty() ? m_session->baseCurrency() : Currency::fromCode(currency));
    budget.period = BudgetEnums::periodFromKey(parameters.value(QStringLiteral("period")).toString())
                        .value_or(BudgetPeriod::Monthly);
    if (budget.limit.minor() <= 0) {
        refuse(tr("The proposed budget has no amount."));
        return;
    }
    m_budgets->proposeBudget(budget);
}

void ProposalRunner::createRule(const QJsonObject& parameters)
{
    Categorizer* categorizer = m_session->categorizer();
    if (!categorizer) {
        refuse(tr("Categorization is not available."));
        return;
    }
    CategorizationRule rule;
    rule.userId = m_session->userId();
    rule.pattern = parameters.value(QStringLiteral("pattern")).toString().trimmed();
    rule.categoryId = parameters.value(QStringLiteral("categoryId")).toInteger();
    rule.type = CategorizationRuleEnums::typeFromKey(parameters.value(QStringLiteral("ruleType")).toString())
                    .value_or(RuleType::Keyword);
    rule.confidenceThreshold = 1.0;
    if (rule.pattern.isEmpty() || rule.categoryId <= 0) {
        refuse(tr("The proposed rule is incomplete."));
        return;
    }
    RuleEditDialog dialog(categorizer, m_session->categories(), rule, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto id = categorizer->addRule(dialog.rule());
    if (!id) {
        MessageBox::warning(m_window, tr("Categorization Rules"), id.error().message, id.error().detail);
        return;
    }
    Q_EMIT statusMessage(tr("Rule for “%1” created.").arg(dialog.rule().pattern));
}

void ProposalRunner::recategorize(const QJsonObject& parameters)
{
    Transaction example;
    example.merchant = parameters.value(QStringLiteral("merchant")).toString().trimmed();
    const qint64 categoryId = parameters.value(QStringLiteral("categoryId")).toInteger();
    if (example.merchant.isEmpty() || categoryId <= 0 || !m_categorization) {
        refuse(tr("The proposed change is incomplete."));
        return;
    }
    const auto category = m_session->categories()->find(m_session->userId(), categoryId);
    if (!category) {
        refuse(category.error().message);
        return;
    }
    if (MessageBox::question(m_window, tr("Always Categorize"),
                             tr("From now on, categorize “%1” as %2?").arg(example.merchant, category->name),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes)
        != QMessageBox::Yes)
        return;
    // Reports its own errors; existing transactions are changed only after a second question.
    (void)m_categorization->alwaysCategorize(example, categoryId);
}

} // namespace Moniagent
