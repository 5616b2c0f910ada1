#pragma once

#include "core/result.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace Moniagent {

class ImportHistoryModel;
class Session;

// File › Import History…: every statement import of the profile, newest first, with what it added, linked and
// skipped and whether it still stands. "Undo Import" takes a standing import out of the ledger (its rows deleted,
// the lines it joined to existing transactions unlinked) in one SQLite transaction on a worker thread, after
// asking; it works for imports of earlier sessions too, which the Edit › Undo stack no longer holds.
class ImportHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportHistoryDialog(Session* session, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    QPushButton* undoButton() const { return m_undo; }
    bool isBusy() const { return m_watcher.isRunning(); }

    // Reads the history again (after an import or an undo elsewhere).
    void reload();
    // Undoes the import on the selected row, after asking; false when there is nothing to undo.
    bool undoSelected();

Q_SIGNALS:
    // An import was undone here: "412 transactions of statement.ofx removed."
    void statusMessage(const QString& message);

private:
    void updateState();
    void undoFinished();

    Session* m_session;
    ImportHistoryModel* m_model;
    QTableView* m_view;
    QLabel* m_summary;
    QProgressBar* m_busy;
    QPushButton* m_undo;
    QString m_undoing; // the file name being undone
    QFutureWatcher<Result<qint64>> m_watcher;
};

} // namespace Moniagent
