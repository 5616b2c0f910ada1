#pragma once

#include "core/result.h"
#include "ocrdocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFlags>
#include <QImage>
#include <QMap>
#include <QStringList>

#include <atomic>
#include <memory>

namespace Moniagent {

// The clean-up steps (Leptonica) an image page goes through before Tesseract reads it. Measured on 100 scanned
// receipts (tests/bench/ocr_tune): Normalize and Binarize lose about a tenth of the totals on scans, which
// Tesseract's own threshold reads better; they stay available for photos with shadows. The defaults are Scale,
// Deskew and RemoveBorder.
enum class CleanupStep
{
    Scale = 0x01, // scale so that text has OcrOptions::textHeight: downscale huge photos, upscale small scans
    Normalize = 0x02, // even out the background (shadows, yellowed paper) and stretch the contrast
    Deskew = 0x04, // straighten text turned by a few degrees
    Binarize = 0x08, // adaptive (Sauvola) black and white instead of Tesseract's global threshold
    RemoveBorder = 0x10, // drop dark areas touching the edges (scanner lid, table, shadow)
};
Q_DECLARE_FLAGS(CleanupSteps, CleanupStep)
Q_DECLARE_OPERATORS_FOR_FLAGS(CleanupSteps)

// Limits and choices for reading receipt files.
struct OcrOptions
{
    QStringList languages {QStringLiteral("eng")}; // Tesseract traineddata names; joined with '+'
    int maxPages = 20; // a longer PDF is refused with a message naming the limit
    bool detectOrientation = true; // OSD (tesseract-ocr-osd) when installed
    CleanupSteps steps = CleanupStep::Scale | CleanupStep::Deskew | CleanupStep::RemoveBorder;
    int textHeight = 24; // the glyph height (pixels) Scale aims at; text within a factor 1.5 of it is left as it is
    int pageSegMode = 6; // Tesseract's page segmentation mode: 3 automatic, 4 one column, 6 one block, 11 sparse
    bool readCodes = true; // look for QR codes and barcodes (ZXing)
    // Further Tesseract parameters ("tessedit_do_invert" → "0"), set after the defaults.
    QMap<QByteArray, QByteArray> tesseractVariables;
};

// How to re-read one region of a page when the first pass is unsure.
enum class RereadMode
{
    Numeric, // digits, separators and currency marks only
    Upscaled, // the region at twice the scale, normal character set
    Downscaled, // the region at 0.6 times the scale: large bold print (a shop's name) often reads better smaller
    Measured, // the region scaled by the height of its own text (not the page's), to 4/3 of the usual height
};

// Reads image files (JPEG, PNG, TIFF, BMP, WebP; EXIF orientation applied) and PDFs (the text layer with
// positions when a page has one, else the page rendered at 300 dpi) into words with boxes and confidences, and
// decodes QR codes and barcodes. Leptonica cleans images up before Tesseract reads them.
//
// One DocumentReader owns one Tesseract engine: use one per thread (the receipt batch keeps one per worker).
// Every failure is an Error with a translated message that names the problem ("The file is empty.", "The PDF
// is protected by a password.", "The PDF has 500 pages; at most 20 are read."); nothing is written anywhere.
class DocumentReader
{
    Q_DECLARE_TR_FUNCTIONS(DocumentReader)
public:
    explicit DocumentReader(OcrOptions options = {});
    ~DocumentReader();
    DocumentReader(const DocumentReader&) = delete;
    DocumentReader& operator=(const DocumentReader&) = delete;

    // Call first thing in main(), before any thread starts: Tesseract runs one thread per reader, so its OpenMP
    // threads only compete with the batch's own workers. Sets OMP_THREAD_LIMIT=1 unless the environment sets it
    // and, where OpenMP was already initialised when the program loaded, turns off its parallel regions.
    static void configureProcess();

    // Reads a whole file. `cancel`, when given, is polled between pages and steps (Error::Code::Cancelled).
    Result<OcrDocument> read(const QString& path, const std::atomic_bool* cancel = nullptr);

    // Re-reads `region` (page coordinates) of a page of the file read last by read(); the words and lines of
    // the returned page lie inside the region, in page coordinates.
    Result<OcrPage> reread(int page, const QRect& region, RereadMode mode);

    // The upright page image the boxes of a page refer to (OcrPage::size), for display and thumbnails;
    // scaled down to fit `maxSize` when given. `rotation` is the page's OcrPage::rotation from read() (the turn
    // orientation detection found; EXIF orientation is always applied). Works without a Tesseract engine; safe
    // from any thread.
    static Result<QImage> pageImage(const QString& path, int page = 0, const QSize& maxSize = {}, int rotation = 0);

    // The Tesseract languages installed on this machine ("eng", "deu", …), without "osd".
    static QStringList installedLanguages();
    // Whether `path` looks like something read() can take, judged by content (magic bytes), not the name.
    static bool isSupportedFile(const QString& path);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Moniagent
