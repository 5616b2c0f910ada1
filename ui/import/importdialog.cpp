#include "importdialog.h"

#include "common/messagebox.h"
#include "csvmappingpage.h"
#include "importers/csvpresetstore.h"
#include "importpreviewmodel.h"
#include "importundocommand.h"
#include "ledger/categorydelegate.h"
#include "session/session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Moniagent {

namespace {
enum Page
{
    BusyPage,
    PreviewPage,
    MappingPage
};
} // namespace

ImportDialog::ImportDialog(Session* session, QUndoStack* undoStack, const QStringList& paths, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_undo(undoStack)
    , m_queue(paths)
    , m_presets(std::make_unique<CsvPresetStore>(session->database()))
    , m_done(std::make_shared<std::atomic<qint64>>(0))
    , m_total(std::make_shared<std::atomic<qint64>>(-1))
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    setWindowTitle(tr("Import Statements"));
    setObjectName(QStringLiteral("importDialog"));
    resize(980, 620);
    auto* layout = new QVBoxLayout(this);
    m_fileLabel = new QLabel(this);
    m_fileLabel->setObjectName(QStringLiteral("importFileLabel"));
    QFont bold = m_fileLabel->font();
    bold.setBold(true);
    m_fileLabel->setFont(bold);
    layout->addWidget(m_fileLabel);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages, 1);

    // Busy: reading or importing.
    auto* busy = new QWidget(m_pages);
    auto* busyLayout = new QVBoxLayout(busy);
    busyLayout->addStretch();
    m_busyLabel = new QLabel(busy);
    m_busyLabel->setAlignment(Qt::AlignCenter);
    busyLayout->addWidget(m_busyLabel);
    m_progress = new QProgressBar(busy);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    busyLayout->addWidget(m_progress);
    busyLayout->addStretch();
    m_pages->addWidget(busy);

    // Preview.
    auto* preview = new QWidget(m_pages);
    auto* previewLayout = new QVBoxLayout(preview);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(preview);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    previewLayout->addWidget(m_summary);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("&Show:"), preview));
    m_filter = new QComboBox(preview);
    m_filter->setObjectName(QStringLiteral("importFilter"));
    m_filter->addItem(tr("All lines"));
    m_filter->addItem(tr("New"), int(ImportRowStatus::New));
    m_filter->addItem(tr("Probable matches"), int(ImportRowStatus::ProbableMatch));
    m_filter->addItem(tr("Duplicates"), int(ImportRowStatus::Duplicate));
    m_filter->addItem(tr("Unreadable lines"), int(ImportRowStatus::Error));
    qobject_cast<QLabel*>(filterRow->itemAt(0)->widget())->setBuddy(m_filter);
    filterRow->addWidget(m_filter);
    filterRow->addStretch();
    auto* includeAll = new QPushButton(tr("Include &All Shown"), preview);
    auto* excludeAll = new QPushButton(tr("E&xclude All Shown"), preview);
    filterRow->addWidget(includeAll);
    filterRow->addWidget(excludeAll);
    previewLayout->addLayout(filterRow);
    m_model = new ImportPreviewModel(this);
    m_model->setLocale(session->locale());
    m_table = new QTableView(preview);
    m_table->setObjectName(QStringLiteral("importTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(ImportPreviewModel::CategoryColumn,
                                      new CategoryDelegate(session->categories(), session->userId(), m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::SelectedClicked);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ImportPreviewModel::IncludeColumn, 56);
    m_table->setColumnWidth(ImportPreviewModel::StatusColumn, 110);
    m_table->setColumnWidth(ImportPreviewModel::DateColumn, 80);
    m_table->setColumnWidth(ImportPreviewModel::PayeeColumn, 170);
    m_table->setColumnWidth(ImportPreviewModel::DescriptionColumn, 200);
    m_table->setColumnWidth(ImportPreviewModel::AmountColumn, 100);
    m_table->setColumnWidth(ImportPreviewModel::CategoryColumn, 160);
    previewLayout->addWidget(m_table, 1);
    m_pages->addWidget(preview);

    m_mapping = new CsvMappingPage(m_presets.get(), session->userId(), m_pages);
    m_pages->addWidget(m_mapping);

    m_buttons = new QDialogButtonBox(this);
    m_columns = m_buttons->addButton(tr("C&olumns…"), QDialogButtonBox::ActionRole);
    m_skip = m_buttons->addButton(tr("&Skip This File"), QDialogButtonBox::ActionRole);
    m_next = m_buttons->addButton(tr("&Continue"), QDialogButtonBox::AcceptRole);
    m_import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_skip, &QPushButton::clicked, this, &ImportDialog::skipFile);
    connect(m_columns, &QPushButton::clicked, this, [this]() {
        if (!m_file || isBusy())
            return;
        m_mapping->setFile(*m_file);
        m_pages->setCurrentIndex(MappingPage);
        m_import->hide();
        m_columns->hide();
        m_next->show();
    });
    connect(m_next, &QPushButton::clicked, this, [this]() {
        if (!m_file)
            return;
        auto mapping = m_mapping->mapping();
        if (!mapping) {
            MessageBox::warning(this, windowTitle(), mapping.error().message);
            return;
        }
        m_file->csvMapping = *mapping;
        startPreview(&*mapping);
    });
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this]() {
        const QVariant status = m_filter->currentData();
        m_model->setStatusFilter(status.isValid() ? std::optional(ImportRowStatus(status.toInt())) : std::nullopt);
    });
    connect(includeAll, &QPushButton::clicked, this, [this]() { m_model->setAllIncluded(true); });
    connect(excludeAll, &QPushButton::clicked, this, [this]() { m_model->setAllIncluded(false); });
    connect(m_model, &ImportPreviewModel::edited, this, &ImportDialog::updateSummary);
    connect(m_model, &ImportPreviewModel::errorOccurred, this,
            [this](const QString& message) { MessageBox::warning(this, windowTitle(), message); });
    connect(&m_previewWatcher, &QFutureWatcherBase::finished, this, &ImportDialog::previewDone);
    connect(&m_applyWatcher, &QFutureWatcherBase::finished, this, &ImportDialog::importDone);
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &ImportDialog::pollProgress);

    setBusy(tr("Opening…"));
    QMetaObject::invokeMethod(this, &ImportDialog::nextFile, Qt::QueuedConnection);
}

ImportDialog::~ImportDialog()
{
    m_cancel->store(true);
    m_previewWatcher.waitForFinished();
    m_applyWatcher.waitForFinished();
}

StatementImporter ImportDialog::makeImporter() const
{
    return StatementImporter(m_session->transactions(), m_session->categories(), m_session->imports(),
                             m_session->userId());
}

void ImportDialog::setBusy(const QString& text)
{
    m_busyLabel->setText(text);
    m_progress->setRange(0, 0);
    m_done->store(0);
    m_total->store(-1);
    m_cancel->store(false);
    m_pages->setCurrentIndex(BusyPage);
    m_import->hide();
    m_columns->hide();
    m_skip->hide();
    m_next->hide();
    m_poll.start();
}

void ImportDialog::pollProgress()
{
    const qint64 total = m_total->load();
    const qint64 done = m_done->load();
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::min<qint64>(1000, done * 1000 / total)));
    } else {
        m_progress->setRange(0, 0);
    }
}

void ImportDialog::nextFile()
{
    m_preview.reset();
    m_file.reset();
    m_model->setStaging(nullptr, {});
    if (m_queue.isEmpty()) {
        // Files that could not be read are told once, together, at the end.
        if (!m_refused.isEmpty()) {
            MessageBox::warning(
                this, windowTitle(),
                tr("%n file(s) could not be imported; nothing was changed for them.", nullptr, int(m_refused.size())),
                m_refused.join(u'\n'));
        }
        accept();
        return;
    }
    const QString path = m_queue.takeFirst();
    m_fileLabel->setText(QDir::toNativeSeparators(path));
    auto file = StatementFile::open(path, m_presets.get(), m_session->userId(), m_session->locale());
    if (!file) {
        finishFile(tr("%1: %2").arg(QFileInfo(path).fileName(), file.error().message));
        m_refused << file.error().message;
        nextFile();
        return;
    }
    m_file = *file;
    if (m_file->format == StatementFormat::Csv && !m_file->csvReady) {
        // The app could not tell the columns: the user chooses them first.
        m_mapping->setFile(*m_file);
        m_pages->setCurrentIndex(MappingPage);
        m_import->hide();
        m_columns->hide();
        m_skip->show();
        m_next->show();
        return;
    }
    startPreview(nullptr);
}

void ImportDialog::startPreview(const CsvMapping* mapping)
{
    setBusy(tr("Reading %1…").arg(m_file->fileName));
    const ImportSource source = m_file->source(mapping);
    StatementReadOptions options;
    options.defaultCurrency = m_session->baseCurrency().code();
    options.locale = m_session->locale();
    const StatementImporter importer = makeImporter();
    auto done = m_done;
    auto total = m_total;
    auto cancel = m_cancel;
    m_previewWatcher.setFuture(QtConcurrent::run([importer, source, options, done, total, cancel]() {
        return importer.preview(source, options, [&](qint64 d, qint64 t) {
            done->store(d);
            total->store(t);
            return !cancel->load();
        });
    }));
}

void ImportDialog::previewDone()
{
    m_poll.stop();
    if (!isVisible())
        return; // cancelled by closing
    Result<ImportPreview> preview = m_previewWatcher.result();
    if (!preview) {
        if (preview.error().code == Error::Code::Cancelled) {
            finishFile(tr("%1: cancelled, nothing imported").arg(m_file->fileName));
        } else {
            finishFile(tr("%1: %2").arg(m_file->fileName, preview.error().message));
            m_refused << preview.error().message;
        }
        nextFile();
        return;
    }
    m_preview = *preview;
    showPreview();
}

void ImportDialog::showPreview()
{
    auto categories = m_session->categories()->list(m_session->userId());
    m_model->setStaging(m_preview->staging, categories ? *categories : QList<Category>());
    m_filter->setCurrentIndex(0);
    // A statement without payees (most CSV exports) does not need the empty column.
    bool anyPayee = false;
    for (int row = 0; row < std::min(m_model->rowCount(), ImportPreviewModel::PageSize) && !anyPayee; ++row)
        anyPayee = !m_model->index(row, ImportPreviewModel::PayeeColumn).data().toString().isEmpty();
    m_table->setColumnHidden(ImportPreviewModel::PayeeColumn, !anyPayee);
    m_pages->setCurrentIndex(PreviewPage);
    m_import->show();
    m_skip->show();
    m_next->hide();
    m_columns->setVisible(m_file->format == StatementFormat::Csv);
    updateSummary();
    m_import->setFocus();
}

void ImportDialog::updateSummary()
{
    if (!m_preview)
        return;
    auto counts = m_preview->staging->counts();
    if (!counts) {
        m_summary->setText(counts.error().message);
        return;
    }
    m_preview->counts = *counts;
    const QLocale locale = m_session->locale();
    QStringList lines;
    QString range;
    if (m_preview->from.isValid()) {
        range = tr("%1 to %2")
                    .arg(locale.toString(m_preview->from, QLocale::ShortFormat),
                         locale.toString(m_preview->to, QLocale::ShortFormat));
    }
    lines << tr("%1 statement%2%3: %n line(s)", nullptr, int(counts->total))
                 .arg(StatementFile::formatName(m_preview->format),
                      m_preview->info.accountId.isEmpty() ? QString()
                                                          : tr(" of account %1").arg(m_preview->info.accountId),
                      range.isEmpty() ? QString() : tr(", %1").arg(range));
    QStringList parts;
    parts << tr("%n new", nullptr, int(counts->fresh));
    if (counts->probable > 0)
        parts << tr("%n probable match(es) to join", nullptr, int(counts->probable));
    if (counts->duplicates > 0)
        parts << tr("%n duplicate(s) skipped", nullptr, int(counts->duplicates));
    if (counts->errors > 0)
        parts << tr("%n unreadable", nullptr, int(counts->errors));
    lines << parts.join(QStringLiteral(" · "));
    if (auto net = m_preview->staging->includedNet(); net && !net->isEmpty()) {
        QStringList sums;
        for (const auto& [currency, minor] : *net)
            sums << Money::fromMinor(minor, currency).toString(locale);
        lines << tr("Net of the lines to import: %1").arg(sums.join(QStringLiteral(", ")));
    }
    if (m_preview->earlierImport) {
        lines << tr("This file was already imported on %1; its lines are shown as duplicates.")
                     .arg(locale.toString(m_preview->earlierImport->createdAt.toLocalTime(), QLocale::ShortFormat));
    }
    if (!m_file->csvPresetName.isEmpty())
        lines << tr("Columns from the preset “%1”.").arg(m_file->csvPresetName);
    lines << m_preview->info.warnings;
    m_summary->setText(lines.join(u'\n'));
    const qint64 toWrite = counts->included;
    m_import->setText(toWrite > 0 ? tr("&Import %n Line(s)", nullptr, int(toWrite)) : tr("&Import"));
    m_import->setEnabled(toWrite > 0);
}

void ImportDialog::startImport()
{
    if (!m_preview || isBusy())
        return;
    setBusy(tr("Importing %1…").arg(m_preview->fileName));
    StatementImporter importer = makeImporter();
    const ImportPreview preview = *m_preview;
    auto done = m_done;
    auto total = m_total;
    auto cancel = m_cancel;
    m_applyWatcher.setFuture(QtConcurrent::run([importer, preview, done, total, cancel]() mutable {
        return importer.apply(preview, [&](qint64 d, qint64 t) {
            done->store(d);
            total->store(t);
            return !cancel->load();
        });
    }));
}

void ImportDialog::importDone()
{
    m_poll.stop();
    Result<ImportResult> result = m_applyWatcher.result();
    if (!isVisible() && !result)
        return; // cancelled by closing: nothing was written
    if (!result) {
        if (result.error().code != Error::Code::Cancelled)
            MessageBox::warning(this, windowTitle(), result.error().message);
        // Nothing was written: the preview is still there to try again or skip.
        showPreview();
        return;
    }
    const StatementImporter importer = makeImporter();
    QWidget* window = parentWidget();
    m_undo->push(new ImportUndoCommand(importer, *m_preview, *result, [window](const QString& message) {
        MessageBox::warning(window, tr("Import Statements"), message);
    }));
    Q_EMIT imported(m_preview->fileName, result->added, result->linked);
    finishFile(result->linked > 0
                   ? tr("%1: %n transaction(s) imported, %2 joined to existing ones", nullptr, int(result->added))
                         .arg(m_preview->fileName)
                         .arg(result->linked)
                   : tr("%1: %n transaction(s) imported", nullptr, int(result->added)).arg(m_preview->fileName));
    nextFile();
}

void ImportDialog::skipFile()
{
    if (m_file)
        finishFile(tr("%1: skipped, nothing imported").arg(m_file->fileName));
    nextFile();
}

void ImportDialog::finishFile(const QString& outcome)
{
    m_outcomes << outcome;
}

void ImportDialog::reject()
{
    if (isBusy()) {
        // Cancel the running step; nothing is written, and the dialog closes when it has stopped.
        m_cancel->store(true);
        m_busyLabel->setText(tr("Cancelling…"));
        m_previewWatcher.waitForFinished();
        m_applyWatcher.waitForFinished();
    }
    QDialog::reject();
}

} // namespace Moniagent
