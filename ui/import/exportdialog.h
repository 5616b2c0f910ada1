#pragma once

#include "core/result.h"
#include "core/transactionfilter.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QTimer>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace Moniagent {

class Session;

// File › Export…: the ledger (what the filters show, or everything) as CSV for spreadsheets or programs, OFX
// or QIF for other finance apps, or the whole profile as a JSON backup. Written on a worker thread through a
// QSaveFile, so a cancelled or failed export never leaves half a file.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Format
    {
        Csv,
        Ofx,
        Qif,
        Backup
    };

    ExportDialog(Session* session, const TransactionFilter& shown, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // Writes to `path` (the Export… button asks for it first); the dialog closes when done.
    void exportTo(const QString& path);

    QComboBox* formatBox() const { return m_format; }
    QRadioButton* shownOnlyButton() const { return m_shown; }
    QListWidget* columnList() const { return m_columns; }
    QRadioButton* isoButton() const { return m_iso; }
    bool isBusy() const { return m_watcher.isRunning(); }
    const QString& outcome() const { return m_outcome; }

protected:
    void reject() override;

private:
    void updateOptions();
    void chooseFile();
    void done();

    Session* m_session;
    TransactionFilter m_shownFilter;
    QComboBox* m_format;
    QRadioButton* m_shown;
    QRadioButton* m_all;
    QRadioButton* m_localeStyle;
    QRadioButton* m_iso;
    QListWidget* m_columns;
    QWidget* m_csvOptions;
    QProgressBar* m_progress;
    QPushButton* m_export;
    QString m_outcome;
    QString m_path;

    std::shared_ptr<std::atomic<qint64>> m_done;
    std::shared_ptr<std::atomic<qint64>> m_total;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QTimer m_poll;
    QFutureWatcher<Result<qint64>> m_watcher;
};

} // namespace Moniagent
