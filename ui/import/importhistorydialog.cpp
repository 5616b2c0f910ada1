#include "importhistorydialog.h"

#include "common/messagebox.h"
#include "db/statementimportrepository.h"
#include "importers/statementimporter.h"
#include "importhistorymodel.h"
#include "session/session.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Moniagent {

ImportHistoryDialog::ImportHistoryDialog(Session* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_model(new ImportHistoryModel(session->locale(), this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_undo(new QPushButton(tr("&Undo Import…"), this))
{
    setObjectName(QStringLiteral("importHistoryDialog"));
    setWindowTitle(tr("Import History"));

    m_view->setObjectName(QStringLiteral("importHistoryView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(ImportHistoryModel::FileColumn, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Statement imports"));

    m_summary->setObjectName(QStringLiteral("importHistorySummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_busy->setObjectName(QStringLiteral("importHistoryBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->hide();

    m_undo->setObjectName(QStringLiteral("undoImportButton"));
    m_undo->setToolTip(tr("Remove the transactions this import added and unlink the lines it joined"));
    m_undo->setAutoDefault(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_undo, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_undo, &QPushButton::clicked, this, &ImportHistoryDialog::undoSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ImportHistoryDialog::updateState);
    connect(&m_watcher, &QFutureWatcher<Result<qint64>>::finished, this, &ImportHistoryDialog::undoFinished);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_busy);
    layout->addWidget(buttons);
    resize(860, 420);
    reload();
}

void ImportHistoryDialog::reload()
{
    auto imports = m_session->imports()->list(m_session->userId());
    if (!imports) {
        m_model->setImports({});
        m_summary->setText(tr("The import history could not be read: %1").arg(imports.error().message));
        updateState();
        return;
    }
    m_model->setImports(*imports);
    m_view->resizeColumnsToContents(); // the file column keeps stretching
    const qint64 standing = std::count_if(imports->cbegin(), imports->cend(),
                                          [](const StatementImport& entry) { return !entry.isUndone(); });
    m_summary->setText(imports->isEmpty()
                           ? tr("No statement has been imported yet. File › Import Statements… (Ctrl+I) brings one in.")
                           : tr("%n import(s), %1 in the ledger.", nullptr, int(imports->size()))
                                 .arg(m_session->locale().toString(standing)));
    if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->selectRow(0);
    updateState();
}

void ImportHistoryDialog::updateState()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const bool standing = current.isValid() && !m_model->data(current, ImportHistoryModel::UndoneRole).toBool();
    m_undo->setEnabled(standing && !isBusy());
}

bool ImportHistoryDialog::undoSelected()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || isBusy())
        return false;
    const StatementImport entry = m_model->importAt(current.row());
    if (entry.isUndone())
        return false;
    QString question
        = tr("Remove the %n transaction(s) imported from “%1”?", nullptr, int(entry.rowsAdded)).arg(entry.fileName);
    if (entry.rowsLinked > 0)
        question += u' '
            + tr("%n statement line(s) joined to transactions you already had will be unlinked; those transactions "
                 "stay.",
                 nullptr, int(entry.rowsLinked));
    if (MessageBox::question(this, tr("Undo Import"), question) != QMessageBox::Yes)
        return false;

    m_undoing = entry.fileName;
    m_busy->show();
    m_summary->setText(tr("Removing the import of “%1”…").arg(entry.fileName));
    StatementImporter importer(m_session->transactions(), m_session->categories(), m_session->imports(),
                               m_session->userId());
    const qint64 id = entry.id;
    m_watcher.setFuture(QtConcurrent::run([importer, id]() mutable { return importer.undo(id); }));
    updateState();
    return true;
}

void ImportHistoryDialog::undoFinished()
{
    m_busy->hide();
    const Result<qint64> result = m_watcher.result();
    reload();
    if (!result) {
        MessageBox::warning(this, tr("Undo Import"),
                            tr("The import of “%1” could not be undone; the ledger is unchanged.").arg(m_undoing),
                            result.error().message);
        return;
    }
    const QString message = tr("%n transaction(s) of %1 removed.", nullptr, int(*result)).arg(m_undoing);
    m_summary->setText(message);
    Q_EMIT statusMessage(message);
}

} // namespace Moniagent
