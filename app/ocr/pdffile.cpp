#include "pdffile.h"

#include "imageloader.h"
#include "ocrlogging.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <poppler-qt6.h>
#include <poppler-version.h>

namespace Moniagent {

namespace {

void popplerMessage(const QString& message, const QVariant&)
{
    qCDebug(lcOcr) << "poppler:" << message;
}

void routePopplerMessages()
{
    static std::once_flag once;
    std::call_once(once, [] { Poppler::setDebugErrorFunction(&popplerMessage, {}); });
}

} // namespace

PdfFile::PdfFile() = default;
PdfFile::PdfFile(PdfFile&&) noexcept = default;
PdfFile& PdfFile::operator=(PdfFile&&) noexcept = default;
PdfFile::~PdfFile() = default;

QString PdfFile::popplerVersion()
{
    return Poppler::Version::string();
}

Result<PdfFile> PdfFile::open(const QString& path, int maxPages)
{
    routePopplerMessages();
    PdfFile file;
    file.m_document = Poppler::Document::load(path);
    if (!file.m_document)
        return Error {Error::Code::Corrupt, tr("The PDF is damaged and cannot be read."), QFileInfo(path).fileName()};
    if (file.m_document->isLocked())
        return Error::invalidInput(tr("The PDF is protected by a password."), QFileInfo(path).fileName());
    const int pages = file.m_document->numPages();
    if (pages <= 0)
        return Error::invalidInput(tr("The PDF has no pages."), QFileInfo(path).fileName());
    if (maxPages > 0 && pages > maxPages) {
        return Error::invalidInput(tr("The PDF has %1 pages; at most %2 are read.").arg(pages).arg(maxPages),
                                   QFileInfo(path).fileName());
    }
    file.m_document->setRenderHint(Poppler::Document::Antialiasing);
    file.m_document->setRenderHint(Poppler::Document::TextAntialiasing);
    return file;
}

int PdfFile::pageCount() const
{
    return m_document ? m_document->numPages() : 0;
}

OcrPage PdfFile::textPage(int index) const
{
    OcrPage page;
    page.index = index;
    page.dpi = Dpi;
    page.source = QStringLiteral("pdf-text");
    const std::unique_ptr<Poppler::Page> pdfPage = m_document ? m_document->page(index) : nullptr;
    if (!pdfPage)
        return page;
    const double factor = Dpi / 72.0;
    const QSizeF points = pdfPage->pageSizeF();
    page.size = QSize(int(std::lround(points.width() * factor)), int(std::lround(points.height() * factor)));

    // Poppler lists the words in reading order; a word starts a new line when it does not sit beside the
    // previous one, and a new block after a gap of more than a line.
    const auto boxes = pdfPage->textList();
    QRectF lineBox;
    QRectF previousLineBox;
    int block = 0;
    for (const auto& textBox : boxes) {
        const QString text = textBox->text().trimmed();
        if (text.isEmpty())
            continue;
        const QRectF box = textBox->boundingBox();
        const bool sameLine = !lineBox.isNull() && box.left() >= lineBox.right() - box.height() * 0.5
            && std::abs(box.center().y() - lineBox.center().y()) < std::min(box.height(), lineBox.height()) * 0.5;
        if (!sameLine) {
            if (!lineBox.isNull())
                previousLineBox = lineBox;
            if (!previousLineBox.isNull() && box.top() - previousLineBox.bottom() > previousLineBox.height() * 1.2)
                ++block;
            OcrLine line;
            line.block = block;
            line.firstWord = int(page.words.size());
            line.confidence = 100;
            page.lines.append(line);
            lineBox = box;
        } else {
            lineBox = lineBox.united(box);
        }
        OcrWord word;
        word.text = text;
        word.box = QRectF(box.left() * factor, box.top() * factor, box.width() * factor, box.height() * factor)
                       .toAlignedRect();
        word.confidence = 100;
        word.line = int(page.lines.size()) - 1;
        page.words.append(word);
        ++page.lines.last().wordCount;
    }
    for (OcrLine& line : page.lines) {
        QStringList texts;
        for (int i = line.firstWord; i < line.firstWord + line.wordCount; ++i) {
            texts << page.words[i].text;
            line.box = line.box.united(page.words[i].box);
        }
        line.text = texts.join(u' ');
    }
    return page;
}

Result<QImage> PdfFile::render(int index, int dpi, int* usedDpi) const
{
    const std::unique_ptr<Poppler::Page> pdfPage = m_document ? m_document->page(index) : nullptr;
    if (!pdfPage)
        return Error {Error::Code::Corrupt, tr("Page %1 of the PDF cannot be read.").arg(index + 1), {}};
    const QSizeF inches = pdfPage->pageSizeF() / 72.0;
    double resolution = dpi;
    const double pixels = inches.width() * inches.height() * resolution * resolution;
    if (pixels > double(ImageLoader::MaxPixels))
        resolution = std::floor(std::sqrt(double(ImageLoader::MaxPixels) / (inches.width() * inches.height())));
    if (resolution < 1) {
        return Error::invalidInput(tr("Page %1 of the PDF is too large to read.").arg(index + 1),
                                   QStringLiteral("%1 × %2 in").arg(inches.width()).arg(inches.height()));
    }
    QImage image = pdfPage->renderToImage(resolution, resolution);
    if (image.isNull())
        return Error {Error::Code::Corrupt, tr("Page %1 of the PDF cannot be drawn.").arg(index + 1), {}};
    if (usedDpi)
        *usedDpi = int(resolution);
    return image;
}

} // namespace Moniagent
