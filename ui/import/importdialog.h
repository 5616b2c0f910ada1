#pragma once

#include "importers/statementfile.h"
#include "importers/statementimporter.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QTimer>

#include <atomic>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QUndoStack;

namespace Moniagent {

class CsvMappingPage;
class CsvPresetStore;
class ImportPreviewModel;
class Session;

// File › Import Statements…, and statements dropped on the window: for each file, read it on a worker thread
// (progress, cancel), let the user choose the columns of a CSV file the app does not recognise, show the
// preview (new, duplicate, probable match and unreadable lines; include/exclude; categories), and import it
// as one undoable step. Files that cannot be read are listed with the reason and change nothing.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(Session* session, QUndoStack* undoStack, const QStringList& paths, QWidget* parent = nullptr);
    ~ImportDialog() override;

    // For tests and the window's status bar.
    ImportPreviewModel* previewModel() const { return m_model; }
    CsvMappingPage* mappingPage() const { return m_mapping; }
    QPushButton* importButton() const { return m_import; }
    QComboBox* filterBox() const { return m_filter; }
    QLabel* summaryLabel() const { return m_summary; }
    bool isBusy() const { return m_previewWatcher.isRunning() || m_applyWatcher.isRunning(); }
    // What happened to each file, one line each ("march.ofx: 31 transactions imported").
    const QStringList& outcomes() const { return m_outcomes; }

Q_SIGNALS:
    // A file was imported (after the undo command was pushed).
    void imported(const QString& fileName, qint64 added, qint64 linked);

protected:
    void reject() override;

private:
    StatementImporter makeImporter() const;
    void nextFile();
    void startPreview(const CsvMapping* mapping);
    void previewDone();
    void showPreview();
    void startImport();
    void importDone();
    void skipFile();
    void updateSummary();
    void setBusy(const QString& text);
    void pollProgress();
    void finishFile(const QString& outcome);

    Session* m_session;
    QUndoStack* m_undo;
    QStringList m_queue;
    std::unique_ptr<CsvPresetStore> m_presets;
    std::optional<StatementFile> m_file;
    std::optional<ImportPreview> m_preview;
    QStringList m_outcomes;
    QStringList m_refused; // messages of the files that could not be read

    QStackedWidget* m_pages;
    QLabel* m_busyLabel;
    QProgressBar* m_progress;
    QLabel* m_fileLabel;
    QLabel* m_summary;
    QComboBox* m_filter;
    QTableView* m_table;
    ImportPreviewModel* m_model;
    CsvMappingPage* m_mapping;
    QDialogButtonBox* m_buttons;
    QPushButton* m_import;
    QPushButton* m_skip;
    QPushButton* m_columns;
    QPushButton* m_next;

    std::shared_ptr<std::atomic<qint64>> m_done;
    std::shared_ptr<std::atomic<qint64>> m_total;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QTimer m_poll;
    QFutureWatcher<Result<ImportPreview>> m_previewWatcher;
    QFutureWatcher<Result<ImportResult>> m_applyWatcher;
};

} // namespace Moniagent
