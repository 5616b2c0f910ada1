#pragma once

#include "core/job.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace Moniagent {

class JobListModel;
class JobRunner;
class Session;

// Tools › Jobs: the profile's background jobs with their live status and progress, the full error of a failed
// job (tooltip and the details pane), Retry for failed or cancelled jobs, Cancel for waiting or running ones, and
// a status filter. Not modal; updates itself from the job runner's signals.
class JobsDialog : public QDialog
{
    Q_OBJECT
public:
    JobsDialog(Session* session, JobRunner* runner, QWidget* parent = nullptr);
    ~JobsDialog() override;

    JobListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QComboBox* statusFilter() const { return m_filter; }
    QPlainTextEdit* detailsPane() const { return m_details; }
    QPushButton* retryButton() const { return m_retry; }
    QPushButton* cancelButton() const { return m_cancel; }
    QLabel* messageLabel() const { return m_message; }

    // Selects the job's row (when it is shown).
    void selectJob(qint64 jobId);
    // The job of the current row, if any.
    const Job* currentJob() const;

public Q_SLOTS:
    void retryCurrent();
    void cancelCurrent();

private:
    void updateCurrent();
    QString describe(const Job& job) const;
    void showMessage(const QString& text);

    Session* m_session;
    JobRunner* m_runner;
    JobListModel* m_model;
    QComboBox* m_filter;
    QTableView* m_view;
    QPlainTextEdit* m_details;
    QPushButton* m_retry;
    QPushButton* m_cancel;
    QLabel* m_message;
};

} // namespace Moniagent
