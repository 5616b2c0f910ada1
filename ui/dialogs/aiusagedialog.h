#pragma once

#include "core/llmtransaction.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace Moniagent {

class LlmTransactionRepository;
class Session;

// Tools › AI Usage: calls, tokens and estimated cost of the profile's language-model calls per day, feature and
// model for a chosen period, with the month's spending against the cap.
class AiUsageDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Period
    {
        ThisMonth,
        LastMonth,
        ThisYear,
        AllTime
    };

    explicit AiUsageDialog(Session* session, QWidget* parent = nullptr);
    ~AiUsageDialog() override;

    void setPeriod(Period period);
    QTreeWidget* byDay() const { return m_byDay; }
    QTreeWidget* byFeature() const { return m_byFeature; }
    QTreeWidget* byModel() const { return m_byModel; }
    QLabel* summary() const { return m_summary; }

private:
    void reload();
    void fill(QTreeWidget* tree, const QList<LlmUsage>& rows, const std::function<QString(const LlmUsage&)>& key);

    Session* m_session;
    std::unique_ptr<LlmTransactionRepository> m_repository;
    QComboBox* m_period;
    QLabel* m_summary;
    QLabel* m_cap;
    QTreeWidget* m_byDay;
    QTreeWidget* m_byFeature;
    QTreeWidget* m_byModel;
};

} // namespace Moniagent
