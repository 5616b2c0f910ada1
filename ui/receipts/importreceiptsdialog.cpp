#include "importreceiptsdialog.h"

#include "importers/statementformatdetector.h"
#include "receipts/receiptbatch.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace Moniagent {

ImportReceiptsDialog::ImportReceiptsDialog(ReceiptBatch* batch, QWidget* parent)
    : QDialog(parent)
    , m_batch(batch)
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("&Cancel Reading"), this))
    , m_review(new QPushButton(tr("&Review"), this))
{
    setObjectName(QStringLiteral("importReceiptsDialog"));
    setWindowTitle(tr("Import Receipts"));
    setAcceptDrops(true);
    resize(720, 420);

    auto* hint = new QLabel(tr("Drop receipt photos, scans and PDFs here, or add them with Add Files…. They are read "
                               "in the background; review each one to add its expense."),
                            this);
    hint->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("receiptQueueView"));
    m_view->setModel(batch);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(ReceiptBatch::MerchantColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(ReceiptBatch::FileColumn, 180);
    m_view->setColumnWidth(ReceiptBatch::StatusColumn, 200);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Receipt queue"));
    m_summary->setObjectName(QStringLiteral("receiptQueueSummary"));
    m_progress->setObjectName(QStringLiteral("receiptQueueProgress"));
    m_cancel->setObjectName(QStringLiteral("cancelReadingButton"));
    m_review->setObjectName(QStringLiteral("reviewReceiptsButton"));
    m_review->setDefault(true);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* add = buttons->addButton(tr("&Add Files…"), QDialogButtonBox::ActionRole);
    add->setObjectName(QStringLiteral("addReceiptFilesButton"));
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_review, QDialogButtonBox::AcceptRole);
    QPushButton* close = buttons->addButton(QDialogButtonBox::Close);
    close->setAutoDefault(false);
    connect(add, &QPushButton::clicked, this, &ImportReceiptsDialog::addFiles);
    connect(m_cancel, &QPushButton::clicked, batch, &ReceiptBatch::cancel);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_review, &QPushButton::clicked, this, [this]() {
        const QList<qint64> ids = m_batch->invoicesNeedingReview();
        if (ids.isEmpty())
            return;
        hide();
        Q_EMIT reviewRequested(ids);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    connect(batch, &ReceiptBatch::progressChanged, this, &ImportReceiptsDialog::update);
    connect(batch, &QAbstractItemModel::dataChanged, this, &ImportReceiptsDialog::update);
    connect(batch, &QAbstractItemModel::rowsInserted, this, &ImportReceiptsDialog::update);
    update();
}

QStringList ImportReceiptsDialog::receiptFiles(const QStringList& paths)
{
    QStringList files;
    const auto take = [&files](const QString& path) {
        QFile file(path);
        const QByteArray head = file.open(QIODevice::ReadOnly) ? file.read(64) : QByteArray();
        if (StatementFormatDetector::isReceiptFile(QFileInfo(path).fileName(), head))
            files << path;
    };
    for (const QString& path : paths) {
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files | QDir::Readable);
            while (it.hasNext())
                take(it.next());
        } else {
            take(path);
        }
    }
    files.sort();
    return files;
}

void ImportReceiptsDialog::addFiles()
{
    QSettings settings;
    const QString folder = settings
                               .value(QStringLiteral("receipts/lastFolder"),
                                      QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                               .toString();
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Receipts"), folder,
        tr("Receipts (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp *.pdf);;All files (*)"));
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("receipts/lastFolder"), QFileInfo(files.first()).absolutePath());
    m_batch->addFiles(files);
}

void ImportReceiptsDialog::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (std::any_of(urls.cbegin(), urls.cend(), [](const QUrl& url) { return url.isLocalFile(); }))
        event->acceptProposedAction();
}

void ImportReceiptsDialog::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    const QStringList files = receiptFiles(paths);
    event->acceptProposedAction();
    if (files.isEmpty()) {
        m_summary->setText(tr("None of the dropped files is an image or a PDF."));
        return;
    }
    m_batch->addFiles(files);
}

void ImportReceiptsDialog::update()
{
    const int total = m_batch->totalCount();
    const int finished = m_batch->finishedCount();
    const int review = int(m_batch->rowsNeedingReview().size());
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(m_batch->itemCount() == 0 ? 0 : finished);
    m_progress->setVisible(m_batch->isRunning());
    m_cancel->setEnabled(m_batch->isRunning());
    m_review->setEnabled(review > 0);
    m_review->setText(review > 0 ? tr("&Review %n Receipt(s)", nullptr, review) : tr("&Review"));
    if (m_batch->itemCount() == 0)
        m_summary->setText(tr("No receipts yet."));
    else if (m_batch->isRunning())
        m_summary->setText(tr("Reading: %1 of %2 done.").arg(finished).arg(total));
    else
        m_summary->setText(tr("%n receipt(s) waiting for review.", nullptr, review));
}

} // namespace Moniagent
