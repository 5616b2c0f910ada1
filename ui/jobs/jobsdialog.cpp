#include "jobsdialog.h"

#include "common/messagebox.h"
#include "itemmodels/joblistmodel.h"
#include "jobs/jobrunner.h"
#include "session/session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Moniagent {

JobsDialog::JobsDialog(Session* session, JobRunner* runner, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_runner(runner)
    , m_model(new JobListModel(runner->repository(), session->userId(), this))
    , m_filter(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_cancel(new QPushButton(tr("&Cancel Job"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("jobsDialog"));
    setWindowTitle(tr("Jobs"));
    resize(900, 560);
    m_model->setLocale(session->locale());

    m_filter->setObjectName(QStringLiteral("jobStatusFilter"));
    m_filter->setAccessibleName(tr("Show jobs"));
    m_filter->addItem(tr("All jobs"), QString());
    for (JobStatus status : JobEnums::allStatuses())
        m_filter->addItem(JobEnums::displayName(status), JobEnums::key(status));
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this]() {
        m_model->setStatusFilter(JobEnums::statusFromKey(m_filter->currentData().toString()));
        updateCurrent();
    });
    auto* filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_filter);
    auto* intro = new QLabel(tr("Work Moniagent does in the background, such as fetching email. Failed jobs can be "
                                "retried; waiting or running ones can be cancelled."),
                             this);
    intro->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter);
    top->addSpacing(12);
    top->addWidget(intro, 1);

    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setAccessibleName(tr("Jobs"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(JobListModel::DetailsColumn, QHeaderView::Stretch);
    const QString longestTime
        = session->locale().toString(QDateTime(QDate(2026, 12, 31), QTime(23, 59)), QLocale::ShortFormat);
    const int timeWidth = fontMetrics().horizontalAdvance(longestTime) + 18;
    header->resizeSection(JobListModel::TypeColumn, fontMetrics().horizontalAdvance(tr("Read email again")) + 24);
    header->resizeSection(JobListModel::StatusColumn, fontMetrics().horizontalAdvance(tr("Cancelled")) + 24);
    header->resizeSection(JobListModel::TriggerColumn, fontMetrics().horizontalAdvance(tr("Scheduled")) + 24);
    header->resizeSection(JobListModel::CreatedColumn, timeWidth);
    header->resizeSection(JobListModel::StartedColumn, timeWidth);
    header->resizeSection(JobListModel::FinishedColumn, timeWidth);
    header->resizeSection(JobListModel::RetriesColumn, fontMetrics().horizontalAdvance(tr("Retries")) + 20);

    m_details->setObjectName(QStringLiteral("jobDetails"));
    m_details->setAccessibleName(tr("Job details"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a job to see its details."));
    m_details->setTabChangesFocus(true);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("jobsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({300, 10 * fontMetrics().lineSpacing()});

    m_retry->setObjectName(QStringLiteral("retryJobButton"));
    m_retry->setToolTip(tr("Run the selected failed or cancelled job again"));
    m_cancel->setObjectName(QStringLiteral("cancelJobButton"));
    m_cancel->setToolTip(tr("Stop the selected job; you can retry it later"));
    m_message->setObjectName(QStringLiteral("jobsMessage"));
    m_message->setWordWrap(true);
    connect(m_retry, &QPushButton::clicked, this, &JobsDialog::retryCurrent);
    connect(m_cancel, &QPushButton::clicked, this, &JobsDialog::cancelCurrent);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    m_retry->setAutoDefault(false);
    m_cancel->setAutoDefault(false);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_retry);
    bottom->addWidget(m_cancel);
    bottom->addWidget(m_message, 1);
    bottom->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    // Live: the workers write through their own connections, so the runner's signals drive the refreshes.
    connect(m_runner, &JobRunner::changed, m_model, &JobListModel::scheduleRefresh);
    connect(m_runner, &JobRunner::jobProgress, m_model, &JobListModel::setProgress);
    connect(m_model, &JobListModel::errorOccurred, this, &JobsDialog::showMessage);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &JobsDialog::updateCurrent);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsDialog::updateCurrent);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsDialog::updateCurrent);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsDialog::updateCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JobsDialog::updateCurrent);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    m_view->setFocus(Qt::OtherFocusReason);
    updateCurrent();
}

JobsDialog::~JobsDialog() = default;

const Job* JobsDialog::currentJob() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->jobAt(current.row()) : nullptr;
}

void JobsDialog::selectJob(qint64 jobId)
{
    const int row = m_model->rowOf(jobId);
    if (row < 0)
        return;
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->scrollTo(m_model->index(row, 0));
}

void JobsDialog::retryCurrent()
{
    const Job* job = currentJob();
    if (!job || (job->status != JobStatus::Failed && job->status != JobStatus::Cancelled))
        return;
    const QString name = JobEnums::displayName(job->type);
    auto id = m_runner->retry(m_session->userId(), job->id);
    if (!id) {
        MessageBox::warning(this, tr("Retry"), id.error().message, id.error().detail);
        return;
    }
    m_model->refresh();
    selectJob(*id);
    showMessage(tr("“%1” will run again.").arg(name));
}

void JobsDialog::cancelCurrent()
{
    const Job* job = currentJob();
    if (!job || job->isFinished())
        return;
    const QString name = JobEnums::displayName(job->type);
    auto cancelled = m_runner->cancel(m_session->userId(), job->id);
    if (!cancelled) {
        MessageBox::warning(this, tr("Cancel Job"), cancelled.error().message, cancelled.error().detail);
        return;
    }
    m_model->refresh();
    showMessage(tr("“%1” was cancelled.").arg(name));
}

void JobsDialog::updateCurrent()
{
    const Job* job = currentJob();
    m_retry->setEnabled(job && (job->status == JobStatus::Failed || job->status == JobStatus::Cancelled));
    m_cancel->setEnabled(job && !job->isFinished());
    const QString text = job ? describe(*job) : QString();
    if (m_details->toPlainText() != text)
        m_details->setPlainText(text);
}

QString JobsDialog::describe(const Job& job) const
{
    const QLocale locale = m_session->locale();
    const auto time = [&locale](const QDateTime& t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::LongFormat) : QString();
    };
    // What matters first: the status and the problem or progress, then the record.
    QStringList lines;
    lines << tr("%1 — %2").arg(JobEnums::displayName(job.type), JobEnums::displayName(job.status));
    const QString details = m_model->details(job);
    if (!job.errorMessage().isEmpty() && job.status != JobStatus::Success) {
        lines << (job.status == JobStatus::Queued ? details : job.errorMessage());
        QJsonObject extra = job.error;
        extra.remove(QStringLiteral("message"));
        if (!extra.isEmpty())
            lines << tr("Details: %1").arg(QString::fromUtf8(QJsonDocument(extra).toJson(QJsonDocument::Compact)));
    } else if (!details.isEmpty()) {
        lines << details;
    }
    lines << QString();
    lines << tr("Started by: %1").arg(JobEnums::displayName(job.triggeredBy));
    lines << tr("Created: %1").arg(time(job.createdAt));
    if (job.startedAt.isValid())
        lines << tr("Started: %1").arg(time(job.startedAt));
    if (job.finishedAt.isValid())
        lines << tr("Finished: %1").arg(time(job.finishedAt));
    if (job.status == JobStatus::Queued && job.nextRunAt.isValid())
        lines << tr("Next run: %1").arg(time(job.nextRunAt));
    if (job.retryCount > 0)
        lines << tr("Retries: %1").arg(locale.toString(job.retryCount));
    if (!job.input.isEmpty())
        lines << tr("Input: %1").arg(QString::fromUtf8(QJsonDocument(job.input).toJson(QJsonDocument::Compact)));
    if (!job.output.isEmpty())
        lines << tr("Result: %1").arg(QString::fromUtf8(QJsonDocument(job.output).toJson(QJsonDocument::Compact)));
    return lines.join(u'\n');
}

void JobsDialog::showMessage(const QString& text)
{
    m_message->setText(text);
}

} // namespace Moniagent
