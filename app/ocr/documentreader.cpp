#include "documentreader.h"

#include "codereader.h"
#include "documentformat.h"
#include "imageloader.h"
#include "ocrlogging.h"
#include "pdffile.h"
#include "preprocess.h"
#include "tesseractengine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QPainter>
#include <QTransform>

#include <optional>

#ifdef Q_OS_UNIX
#include <dlfcn.h>
#endif

namespace Moniagent {

namespace {

// Receipt files larger than this are refused before anything is decoded.
constexpr qint64 MaxFileBytes = 256LL * 1024 * 1024;
// PDF pages with a text layer are rendered at this resolution only to look for codes.
constexpr int CodeRenderDpi = 150;

// Below this reading quality orientation detection checks whether the page lies on its side or upside down. Tesseract's
// best model is surer of itself than the fast one even on a page lying on its side (a drawn receipt turned 270°: 51,
// upright: 96; 5 of the 100 faded SROIE scans are below 60); a turn is kept only when it reads better.
constexpr double PoorReading = 60;

// How well a page was read: the mean word confidence weighted by word length, 0 without words. A page read
// sideways or upside down gives few, short, unsure words.
double readingQuality(const OcrPage& page)
{
    double weighted = 0;
    qsizetype characters = 0;
    for (const OcrWord& word : page.words) {
        weighted += double(word.confidence) * double(word.text.size());
        characters += word.text.size();
    }
    // Fewer than a few words say too little either way.
    return characters >= 10 ? weighted / double(characters) : 0;
}

QImage turned(const QImage& image, int rotation)
{
    if (rotation % 360 == 0)
        return image;
    return image.transformed(QTransform().rotate(rotation));
}

Error cancelled()
{
    return Error::cancelled(DocumentReader::tr("Reading was cancelled."));
}

bool isCancelled(const std::atomic_bool* cancel)
{
    return cancel && cancel->load();
}

struct OpenedFile
{
    DocumentFormat format = DocumentFormat::Unknown;
    QByteArray data; // images only: the whole file
};

Result<OpenedFile> openFile(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::notFound(DocumentReader::tr("The file does not exist."), path);
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly))
        return Error {Error::Code::Io, DocumentReader::tr("The file could not be opened."), file.errorString()};
    const qint64 size = file.size();
    if (size == 0)
        return Error::invalidInput(DocumentReader::tr("The file is empty."), info.fileName());
    if (size > MaxFileBytes) {
        const QLocale locale;
        return Error::invalidInput(DocumentReader::tr("The file is %1; receipts up to %2 are read.")
                                       .arg(locale.formattedDataSize(size), locale.formattedDataSize(MaxFileBytes)),
                                   info.fileName());
    }
    OpenedFile opened;
    opened.format = sniffDocumentFormat(file.peek(DocumentFormatHeadBytes));
    if (opened.format == DocumentFormat::Unknown) {
        return Error::invalidInput(
            DocumentReader::tr("The file is neither an image (JPEG, PNG, TIFF, BMP, WebP) nor a PDF."),
            info.fileName());
    }
    if (opened.format != DocumentFormat::Pdf) {
        opened.data = file.readAll();
        if (opened.data.size() != size)
            return Error {Error::Code::Io, DocumentReader::tr("The file could not be read."), file.errorString()};
    }
    return opened;
}

QJsonArray stepNames(const OcrOptions& options)
{
    QJsonArray steps;
    const std::pair<CleanupStep, const char*> names[] = {{CleanupStep::Scale, "scale"},
                                                         {CleanupStep::Normalize, "normalize"},
                                                         {CleanupStep::Deskew, "deskew"},
                                                         {CleanupStep::Binarize, "binarize"},
                                                         {CleanupStep::RemoveBorder, "remove-border"}};
    if (options.detectOrientation)
        steps.append(QStringLiteral("osd"));
    for (const auto& [step, name] : names) {
        if (options.steps.testFlag(step))
            steps.append(QString::fromLatin1(name));
    }
    return steps;
}

} // namespace

struct DocumentReader::Private
{
    OcrOptions options;
    TesseractEngine engine;

    // The file read last, for reread().
    QString lastPath;
    QList<int> rotations;
    QList<double> scales; // the clean-up scale of each page (1 for a text layer)
    QList<int> dpis;
    int cachedIndex = -1;
    QImage cachedPage; // grey

    Result<OcrPage> readImagePage(const QImage& image, int index, int dpi, OcrDocument& document,
                                  const std::atomic_bool* cancel);
    // Reads `grey`, which `rotation` has turned, and tries the turn orientation detection suggests when the
    // reading is poor. `scale` receives the clean-up scale used.
    Result<OcrPage> readUpright(const QImage& grey, int index, int dpi, int rotation, const std::atomic_bool* cancel,
                                double* scale);
    Result<OcrDocument> readPdf(const QString& path, const std::atomic_bool* cancel);
    QJsonObject engineInfo() const;
};

DocumentReader::DocumentReader(OcrOptions options)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
}

DocumentReader::~DocumentReader() = default;

void DocumentReader::configureProcess()
{
    if (qEnvironmentVariableIsSet("OMP_THREAD_LIMIT"))
        return;
    qputenv("OMP_THREAD_LIMIT", "1");
#ifdef Q_OS_UNIX
    // An OpenMP runtime linked into the program read its environment before main(): setting the variable now only
    // reaches child processes. Allowing no active parallel level has the same effect for this process.
    using SetMaxActiveLevels = void (*)(int);
    if (auto setMaxActiveLevels
        = reinterpret_cast<SetMaxActiveLevels>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels")))
        setMaxActiveLevels(0);
#endif
}

QStringList DocumentReader::installedLanguages()
{
    return TesseractEngine::installedLanguages();
}

bool DocumentReader::isSupportedFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return false;
    return sniffDocumentFormat(file.peek(DocumentFormatHeadBytes)) != DocumentFormat::Unknown;
}

QJsonObject DocumentReader::Private::engineInfo() const
{
    QJsonObject info;
    info[QStringLiteral("tesseract")] = TesseractEngine::version();
    info[QStringLiteral("leptonica")] = TesseractEngine::leptonicaVersion();
    info[QStringLiteral("zxing")] = CodeReader::version();
    info[QStringLiteral("poppler")] = PdfFile::popplerVersion();
    info[QStringLiteral("languages")] = options.languages.join(u'+');
    info[QStringLiteral("tessdata")] = TesseractEngine::dataPath(options.languages);
    info[QStringLiteral("pageSegMode")] = options.pageSegMode;
    info[QStringLiteral("textHeight")] = options.textHeight;
    info[QStringLiteral("steps")] = stepNames(options);
    return info;
}

Result<OcrPage> DocumentReader::Private::readUpright(const QImage& grey, int index, int dpi, int rotation,
                                                     const std::atomic_bool* cancel, double* scale)
{
    QElapsedTimer timer;
    timer.start();
    Preprocessor::Options clean;
    clean.steps = options.steps;
    clean.textHeight = options.textHeight;
    const PreparedImage prepared = Preprocessor::prepare(grey, clean);
    if (!prepared.pix)
        return Error {Error::Code::Io, DocumentReader::tr("There is not enough memory to read the image."), {}};
    if (isCancelled(cancel))
        return cancelled();
    const qint64 cleanMs = timer.restart();

    OcrPage page;
    page.index = index;
    page.dpi = dpi;
    page.rotation = rotation;
    page.size = grey.size();
    page.source = QStringLiteral("tesseract");
    const Result<void> recognized = engine.recognize(
        prepared.pix.get(), options.pageSegMode, [&](const QRect& box) { return prepared.toPage(box); }, page, cancel);
    if (!recognized)
        return recognized.error();
    qCDebug(lcOcr) << "page" << index << "turned" << rotation << "clean-up" << cleanMs << "ms, ocr" << timer.elapsed()
                   << "ms," << page.words.size() << "words, quality" << readingQuality(page) << "steps"
                   << prepared.steps;
    *scale = prepared.scale;
    // Orientation detection (OSD) is costly and upright pages read well: it only runs after a poor reading.
    if (rotation == 0 && options.detectOrientation && readingQuality(page) < PoorReading) {
        const int turn = engine.detectRotation(prepared.pix.get());
        if (turn != 0) {
            double turnedScale = 1;
            Result<OcrPage> again = readUpright(turned(grey, turn), index, dpi, turn, cancel, &turnedScale);
            if (!again)
                return again.error();
            if (readingQuality(*again) > readingQuality(page)) {
                *scale = turnedScale;
                return again;
            }
        }
    }
    return page;
}

Result<OcrPage> DocumentReader::Private::readImagePage(const QImage& image, int index, int dpi, OcrDocument& document,
                                                       const std::atomic_bool* cancel)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    double scale = 1;
    Result<OcrPage> page = readUpright(grey, index, dpi, 0, cancel, &scale);
    if (!page)
        return page;
    if (options.readCodes) {
        QElapsedTimer timer;
        timer.start();
        document.codes += CodeReader::read(turned(grey, page->rotation), index);
        qCDebug(lcOcr) << "codes" << timer.elapsed() << "ms";
    }
    rotations.append(page->rotation);
    scales.append(scale);
    dpis.append(dpi);
    return page;
}

Result<OcrDocument> DocumentReader::Private::readPdf(const QString& path, const std::atomic_bool* cancel)
{
    Result<PdfFile> pdf = PdfFile::open(path, options.maxPages);
    if (!pdf)
        return pdf.error();
    OcrDocument document;
    for (int index = 0; index < pdf->pageCount(); ++index) {
        if (isCancelled(cancel))
            return cancelled();
        OcrPage textPage = pdf->textPage(index);
        if (!textPage.words.isEmpty()) {
            if (options.readCodes) {
                int codeDpi = CodeRenderDpi;
                if (const Result<QImage> rendered = pdf->render(index, CodeRenderDpi, &codeDpi)) {
                    const double factor = double(PdfFile::Dpi) / codeDpi;
                    for (DecodedCode code : CodeReader::read(*rendered, index)) {
                        code.box = QRectF(code.box.x() * factor, code.box.y() * factor, code.box.width() * factor,
                                          code.box.height() * factor)
                                       .toAlignedRect();
                        document.codes.append(code);
                    }
                }
            }
            rotations.append(0);
            scales.append(1);
            dpis.append(PdfFile::Dpi);
            document.pages.append(textPage);
            continue;
        }
        int dpi = PdfFile::Dpi;
        const Result<QImage> rendered = pdf->render(index, PdfFile::Dpi, &dpi);
        if (!rendered)
            return rendered.error();
        Result<OcrPage> page = readImagePage(*rendered, index, dpi, document, cancel);
        if (!page)
            return page.error();
        document.pages.append(*page);
    }
    return document;
}

Result<OcrDocument> DocumentReader::read(const QString& path, const std::atomic_bool* cancel)
{
    d->lastPath.clear();
    d->rotations.clear();
    d->scales.clear();
    d->dpis.clear();
    d->cachedIndex = -1;
    d->cachedPage = {};

    Result<OpenedFile> opened = openFile(path);
    if (!opened)
        return opened.error();
    if (const Result<void> ready = d->engine.init(d->options.languages, d->options.tesseractVariables); !ready)
        return ready.error();
    if (isCancelled(cancel))
        return cancelled();

    OcrDocument document;
    if (opened->format == DocumentFormat::Pdf) {
        Result<OcrDocument> pdf = d->readPdf(path, cancel);
        if (!pdf)
            return pdf.error();
        document = std::move(*pdf);
    } else {
        const Result<QImage> image = ImageLoader::load(opened->data, QFileInfo(path).fileName());
        if (!image)
            return image.error();
        opened->data.clear();
        if (isCancelled(cancel))
            return cancelled();
        Result<OcrPage> page = d->readImagePage(*image, 0, 0, document, cancel);
        if (!page)
            return page.error();
        document.pages.append(*page);
    }
    document.engine = d->engineInfo();
    d->lastPath = path;
    return document;
}

Result<QImage> DocumentReader::pageImage(const QString& path, int page, const QSize& maxSize, int rotation)
{
    Result<OpenedFile> opened = openFile(path);
    if (!opened)
        return opened.error();
    QImage image;
    if (opened->format == DocumentFormat::Pdf) {
        Result<PdfFile> pdf = PdfFile::open(path, 0);
        if (!pdf)
            return pdf.error();
        if (page < 0 || page >= pdf->pageCount())
            return Error::notFound(tr("The PDF has no page %1.").arg(page + 1));
        int dpi = PdfFile::Dpi;
        if (maxSize.isValid()) {
            // Render no larger than needed: the page at the resolution that fits `maxSize`.
            Result<QImage> small = pdf->render(page, 72, &dpi);
            if (!small)
                return small.error();
            const QSize upright = rotation % 180 == 0 ? small->size() : small->size().transposed();
            const QSize fitted = upright.scaled(maxSize, Qt::KeepAspectRatio);
            dpi = qBound(1, int(72.0 * fitted.width() / qMax(1, upright.width())) + 1, PdfFile::Dpi);
        }
        Result<QImage> rendered = pdf->render(page, dpi);
        if (!rendered)
            return rendered.error();
        image = std::move(*rendered);
    } else {
        if (page != 0)
            return Error::notFound(tr("An image file has only one page."));
        Result<QImage> loaded = ImageLoader::load(opened->data, QFileInfo(path).fileName());
        if (!loaded)
            return loaded.error();
        image = std::move(*loaded);
    }
    image = turned(image, rotation);
    if (maxSize.isValid() && (image.width() > maxSize.width() || image.height() > maxSize.height()))
        image = image.scaled(maxSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

Result<OcrPage> DocumentReader::reread(int page, const QRect& region, RereadMode mode)
{
    if (d->lastPath.isEmpty())
        return Error::invalidInput(tr("No file has been read yet."));
    if (page < 0 || page >= d->rotations.size())
        return Error::notFound(tr("The file has no page %1.").arg(page + 1));
    if (d->cachedIndex != page) {
        Result<QImage> image = pageImage(d->lastPath, page, {}, d->rotations[page]);
        if (!image)
            return image.error();
        d->cachedPage = image->convertToFormat(QImage::Format_Grayscale8);
        d->cachedIndex = page;
    }
    const QRect area = region.intersected(d->cachedPage.rect());
    if (area.isEmpty())
        return Error::invalidInput(tr("The region lies outside the page."));
    if (const Result<void> ready = d->engine.init(d->options.languages, d->options.tesseractVariables); !ready)
        return ready.error();

    Preprocessor::Options clean;
    clean.steps = d->options.steps & ~(CleanupSteps(CleanupStep::Deskew) | CleanupStep::RemoveBorder);
    clean.textHeight = d->options.textHeight;
    // The scale the first pass used: a small region has too few glyphs to measure.
    clean.fixedScale = d->scales.value(page, 1.0);
    if (mode == RereadMode::Upscaled)
        clean.extraScale = 2;
    else if (mode == RereadMode::Downscaled)
        clean.extraScale = 0.6;
    if (mode == RereadMode::Measured) {
        clean.steps |= CleanupStep::Scale;
        clean.fixedScale = 0;
        clean.textHeight = d->options.textHeight * 4 / 3;
    }
    // Tesseract reads text that touches the edge of its image badly: a white margin goes around the region.
    const int margin = 16;
    QImage padded(area.size() + QSize(2 * margin, 2 * margin), QImage::Format_Grayscale8);
    padded.fill(255);
    {
        QPainter painter(&padded);
        painter.drawImage(margin, margin, d->cachedPage, area.x(), area.y(), area.width(), area.height());
    }
    PreparedImage prepared = Preprocessor::prepare(padded, clean);
    if (!prepared.pix)
        return Error {Error::Code::Io, tr("There is not enough memory to read the image."), {}};
    prepared.offset = area.topLeft() - QPoint(margin, margin);

    OcrPage result;
    result.index = page;
    result.size = d->cachedPage.size();
    result.rotation = d->rotations[page];
    result.dpi = d->dpis.value(page);
    result.source = QStringLiteral("tesseract");
    const int pageSegMode = 6; // one block of text
    const Result<void> recognized = d->engine.recognize(
        prepared.pix.get(), pageSegMode, [&](const QRect& box) { return prepared.toPage(box).intersected(area); },
        result, nullptr, mode == RereadMode::Numeric ? TesseractEngine::NumericCharacters : nullptr);
    if (!recognized)
        return recognized.error();
    return result;
}

} // namespace Moniagent
