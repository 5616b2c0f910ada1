#include "exportdialog.h"

#include "common/messagebox.h"
#include "importers/backup.h"
#include "importers/statementexporter.h"
#include "session/session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Moniagent {

namespace {

QString columnName(CsvColumn column)
{
    switch (column) {
    case CsvColumn::Date:
        return ExportDialog::tr("Date");
    case CsvColumn::Type:
        return ExportDialog::tr("Income or expense");
    case CsvColumn::Amount:
        return ExportDialog::tr("Amount");
    case CsvColumn::Currency:
        return ExportDialog::tr("Currency");
    case CsvColumn::Merchant:
        return ExportDialog::tr("Merchant");
    case CsvColumn::Description:
        return ExportDialog::tr("Description");
    case CsvColumn::Notes:
        return ExportDialog::tr("Notes");
    case CsvColumn::Category:
        return ExportDialog::tr("Category");
    case CsvColumn::Source:
        return ExportDialog::tr("Source");
    case CsvColumn::ExternalId:
        return ExportDialog::tr("Bank reference");
    case CsvColumn::Confirmed:
        return ExportDialog::tr("Confirmed");
    }
    return {};
}

} // namespace

ExportDialog::ExportDialog(Session* session, const TransactionFilter& shown, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_shownFilter(shown)
    , m_done(std::make_shared<std::atomic<qint64>>(0))
    , m_total(std::make_shared<std::atomic<qint64>>(0))
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    setWindowTitle(tr("Export"));
    setObjectName(QStringLiteral("exportDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("CSV (spreadsheets and other programs)"), int(Format::Csv));
    m_format->addItem(tr("OFX (finance apps: GnuCash, Quicken, Money)"), int(Format::Ofx));
    m_format->addItem(tr("QIF (older finance apps)"), int(Format::Qif));
    m_format->addItem(tr("Backup of the whole profile (JSON)"), int(Format::Backup));
    form->addRow(tr("&Format:"), m_format);
    auto* scope = new QWidget(this);
    auto* scopeLayout = new QVBoxLayout(scope);
    scopeLayout->setContentsMargins(0, 0, 0, 0);
    auto shownCount = session->transactions()->count(session->userId(), shown);
    auto allCount = session->transactions()->count(session->userId(), {});
    m_shown = new QRadioButton(
        tr("What the ledger shows now (%n transaction(s))", nullptr, int(shownCount ? *shownCount : 0)), scope);
    m_all = new QRadioButton(tr("All transactions (%n)", nullptr, int(allCount ? *allCount : 0)), scope);
    m_shown->setChecked(true);
    scopeLayout->addWidget(m_shown);
    scopeLayout->addWidget(m_all);
    form->addRow(tr("Transactions:"), scope);
    layout->addLayout(form);

    m_csvOptions = new QWidget(this);
    auto* csvLayout = new QFormLayout(m_csvOptions);
    csvLayout->setContentsMargins(0, 0, 0, 0);
    auto* style = new QWidget(m_csvOptions);
    auto* styleLayout = new QVBoxLayout(style);
    styleLayout->setContentsMargins(0, 0, 0, 0);
    // The profile's own formats, shown by example (its locale may name no territory).
    const QLocale locale = session->locale();
    m_localeStyle
        = new QRadioButton(tr("For spreadsheets: dates and numbers as in your settings (%1, %2)")
                               .arg(locale.toString(QDate(2025, 3, 31), QLocale::ShortFormat),
                                    Money::fromMinor(123456, session->baseCurrency().code()).toNumberString(locale)),
                           style);
    m_iso = new QRadioButton(tr("For programs: ISO dates (2025-03-31) and a decimal point"), style);
    m_localeStyle->setChecked(true);
    styleLayout->addWidget(m_localeStyle);
    styleLayout->addWidget(m_iso);
    csvLayout->addRow(tr("Style:"), style);
    m_columns = new QListWidget(m_csvOptions);
    m_columns->setObjectName(QStringLiteral("exportColumns"));
    for (const CsvColumn column : CsvExportOptions::allColumns()) {
        auto* item = new QListWidgetItem(columnName(column), m_columns);
        item->setData(Qt::UserRole, int(column));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_columns->setMaximumHeight(m_columns->sizeHintForRow(0) * 7);
    csvLayout->addRow(tr("&Columns:"), m_columns);
    layout->addWidget(m_csvOptions);

    m_progress = new QProgressBar(this);
    m_progress->hide();
    layout->addWidget(m_progress);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateOptions);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ExportDialog::done);
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, [this]() {
        const qint64 total = m_total->load();
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0)
            m_progress->setValue(int(std::min<qint64>(1000, m_done->load() * 1000 / total)));
    });
    updateOptions();
}

ExportDialog::~ExportDialog()
{
    m_cancel->store(true);
    m_watcher.waitForFinished();
}

void ExportDialog::updateOptions()
{
    const auto format = Format(m_format->currentData().toInt());
    m_csvOptions->setVisible(format == Format::Csv);
    m_shown->setEnabled(format != Format::Backup);
    if (format == Format::Backup)
        m_all->setChecked(true);
    adjustSize();
}

void ExportDialog::chooseFile()
{
    const auto format = Format(m_format->currentData().toInt());
    static const QStringList extensions {QStringLiteral("csv"), QStringLiteral("ofx"), QStringLiteral("qif"),
                                         QStringLiteral("json")};
    const QString extension = extensions.at(int(format));
    QSettings settings;
    const QString folder = settings
                               .value(QStringLiteral("export/folder"),
                                      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                               .toString();
    const QString name = format == Format::Backup ? tr("moniagent-backup") : tr("transactions");
    const QString path = QFileDialog::getSaveFileName(this, windowTitle(), folder + u'/' + name + u'.' + extension,
                                                      tr("%1 files (*.%2)").arg(extension.toUpper(), extension));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
    exportTo(path);
}

void ExportDialog::exportTo(const QString& path)
{
    if (isBusy())
        return;
    m_path = path;
    const auto format = Format(m_format->currentData().toInt());
    ExportSource source {m_session->transactions(), m_session->categories(), m_session->userId(),
                         m_shown->isChecked() ? m_shownFilter : TransactionFilter()};
    CsvExportOptions csv;
    csv.columns.clear();
    for (int i = 0; i < m_columns->count(); ++i) {
        if (m_columns->item(i)->checkState() == Qt::Checked)
            csv.columns << CsvColumn(m_columns->item(i)->data(Qt::UserRole).toInt());
    }
    if (format == Format::Csv && csv.columns.isEmpty()) {
        MessageBox::warning(this, windowTitle(), tr("Choose at least one column to export."));
        return;
    }
    csv.style = m_iso->isChecked() ? CsvExportOptions::Style::Iso : CsvExportOptions::Style::Locale;
    csv.locale = m_session->locale();
    csv.byteOrderMark = csv.style == CsvExportOptions::Style::Locale; // spreadsheets need it to see UTF-8
    OfxExportOptions ofx;
    ofx.defaultCurrency = m_session->baseCurrency().code();
    TransactionRepository* transactions = m_session->transactions();
    const qint64 userId = m_session->userId();
    auto doneRows = m_done;
    auto total = m_total;
    auto cancel = m_cancel;
    cancel->store(false);
    m_export->setEnabled(false);
    m_progress->show();
    m_poll.start();
    m_watcher.setFuture(QtConcurrent::run([=]() -> Result<qint64> {
        const auto progress = [&](qint64 d, qint64 t) {
            doneRows->store(d);
            total->store(t);
            return !cancel->load();
        };
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return Error {Error::Code::Io, tr("“%1” cannot be written.").arg(QFileInfo(path).fileName()),
                          file.errorString()};
        Result<qint64> written = qint64(0);
        switch (format) {
        case Format::Csv:
            written = StatementExporter::writeCsv(file, source, csv, progress);
            break;
        case Format::Ofx:
            written = StatementExporter::writeOfx(file, source, ofx, progress);
            break;
        case Format::Qif:
            written = StatementExporter::writeQif(file, source, {}, progress);
            break;
        case Format::Backup: {
            auto counts = Backup::write(file, transactions, userId, progress);
            written = counts ? Result<qint64>(counts->transactions) : Result<qint64>(counts.error());
            break;
        }
        }
        if (!written)
            return written; // the QSaveFile is discarded: no half-written file
        if (!file.commit())
            return Error {Error::Code::Io,
                          tr("“%1” could not be saved; check the free disk space.").arg(QFileInfo(path).fileName()),
                          file.errorString()};
        return written;
    }));
}

void ExportDialog::done()
{
    m_poll.stop();
    m_progress->hide();
    m_export->setEnabled(true);
    const Result<qint64> written = m_watcher.result();
    if (!written) {
        if (written.error().code != Error::Code::Cancelled)
            MessageBox::warning(this, windowTitle(), written.error().message, written.error().detail);
        return;
    }
    m_outcome = tr("%n transaction(s) exported to %1", nullptr, int(*written)).arg(QFileInfo(m_path).fileName());
    accept();
}

void ExportDialog::reject()
{
    if (isBusy()) {
        m_cancel->store(true);
        m_watcher.waitForFinished();
    }
    QDialog::reject();
}

} // namespace Moniagent
