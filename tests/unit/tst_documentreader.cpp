#include "ocr/documentreader.h"
#include "receiptimages.h"
#include "receipts/paymentcode.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QJsonArray>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#define ZX_USE_UTF8 1
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <sys/resource.h>

using namespace Moniagent;

namespace {

QFont font(const QString& family, int pixelSize)
{
    QFont f(family);
    f.setPixelSize(pixelSize);
    return f;
}

// The OCR words equal to `text` on `page`.
QList<OcrWord> wordsNamed(const OcrPage& page, const QString& text)
{
    QList<OcrWord> found;
    for (const OcrWord& word : page.words) {
        if (word.text == text)
            found.append(word);
    }
    return found;
}

QString describe(const OcrPage& page)
{
    QStringList lines;
    for (const OcrLine& line : page.lines)
        lines << line.text;
    return lines.join(QStringLiteral(" / "));
}

// Every word of `expected` is read, and one reading of it lies where it was drawn.
void verifyWords(const OcrPage& page, const Test::DrawnReceipt& receipt, const QStringList& expected, int tolerance)
{
    for (const QString& text : expected) {
        const QList<OcrWord> found = wordsNamed(page, text);
        QVERIFY2(!found.isEmpty(), qPrintable(QStringLiteral("“%1” not read in: %2").arg(text, describe(page))));
        const QRect drawn = receipt.boxOf(text);
        QVERIFY(drawn.isValid());
        bool placed = false;
        QStringList boxes;
        for (const OcrWord& word : found) {
            placed = placed || Test::near(word.box, drawn, tolerance);
            boxes << QStringLiteral("%1,%2 %3×%4")
                         .arg(word.box.x())
                         .arg(word.box.y())
                         .arg(word.box.width())
                         .arg(word.box.height());
            QVERIFY(word.line >= 0 && word.line < page.lines.size());
            QVERIFY(page.lines[word.line].text.contains(text));
            QVERIFY(page.lines[word.line].box.contains(word.box));
        }
        QVERIFY2(placed,
                 qPrintable(QStringLiteral("“%1” drawn at %2,%3 %4×%5, read at %6")
                                .arg(text)
                                .arg(drawn.x())
                                .arg(drawn.y())
                                .arg(drawn.width())
                                .arg(drawn.height())
                                .arg(boxes.join(QStringLiteral("; ")))));
    }
}

const QStringList KeyWords = {QStringLiteral("GROCERY"), QStringLiteral("TOTAL"), QStringLiteral("9.84"),
                              QStringLiteral("14/03/2024"), QStringLiteral("Bread")};

bool save(const QImage& image, const QString& path, const QByteArray& format, int quality = -1)
{
    QImageWriter writer(path, format);
    if (quality >= 0)
        writer.setQuality(quality);
    return writer.write(image);
}

QByteArray jpegBytes(const QImage& image, int quality = 90)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.write(image);
    return bytes;
}

// A JPEG with an EXIF APP1 segment holding only the orientation tag (TIFF big-endian, one IFD entry).
QByteArray withExifOrientation(const QByteArray& jpeg, quint16 orientation)
{
    QByteArray tiff("MM\0\x2A\0\0\0\x08", 8); // header, IFD at offset 8
    tiff += QByteArray("\0\x01", 2); // one entry
    tiff += QByteArray("\x01\x12\0\x03\0\0\0\x01", 8); // tag 0x0112 Orientation, SHORT, count 1
    tiff += char(orientation >> 8);
    tiff += char(orientation & 0xFF);
    tiff += QByteArray("\0\0", 2); // value padding
    tiff += QByteArray("\0\0\0\0", 4); // no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    const int length = int(payload.size()) + 2;
    QByteArray segment("\xFF\xE1", 2);
    segment += char(length >> 8);
    segment += char(length & 0xFF);
    segment += payload;
    return jpeg.left(2) + segment + jpeg.mid(2);
}

QImage qrImage(const QString& text, int moduleSize, ZXing::BarcodeFormat format = ZXing::BarcodeFormat::QRCode)
{
    const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(format).setMargin(0).encode(text.toStdWString(), 0, 0);
    const bool linear = matrix.height() <= 1 || format != ZXing::BarcodeFormat::QRCode;
    const int quiet = 4 * moduleSize;
    const int height = linear ? 40 * moduleSize : matrix.height() * moduleSize;
    QImage image(matrix.width() * moduleSize + 2 * quiet, height + 2 * quiet, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < (linear ? 1 : matrix.height()); ++y) {
        for (int x = 0; x < matrix.width(); ++x) {
            if (matrix.get(x, y)) {
                painter.fillRect(quiet + x * moduleSize, quiet + y * moduleSize, moduleSize,
                                 linear ? height : moduleSize, Qt::black);
            }
        }
    }
    return image;
}

// The share of dark pixels in `rect` of `image`.
double inkShare(const QImage& image, const QRect& rect)
{
    int dark = 0, all = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x, ++all)
            dark += image.valid(x, y) && qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    }
    return all > 0 ? double(dark) / all : 0;
}

long peakMemoryMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024; // kilobytes on Linux
}

} // namespace

class TestDocumentReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

    Test::DrawnReceipt sample(int pixelSize = 24, const QString& family = QStringLiteral("DejaVu Sans")) const
    {
        return Test::drawReceipt(Test::sampleReceiptLines(), font(family, pixelSize));
    }

    // Reads `file` with `options`, expecting one page.
    static OcrPage readOnePage(const QString& file, const OcrOptions& options = {})
    {
        DocumentReader reader(options);
        const Result<OcrDocument> document = reader.read(file);
        if (!document) {
            qWarning() << document.error().toString();
            return {};
        }
        if (document->pages.size() != 1)
            return {};
        return document->pages.first();
    }

    static void verifyRefused(const QString& file, const QString& message, Error::Code code = Error::Code::InvalidInput)
    {
        DocumentReader reader;
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY(!document);
        QCOMPARE(document.error().message, message);
        QCOMPARE(int(document.error().code), int(code));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(DocumentReader::installedLanguages().contains(QStringLiteral("eng")), "tesseract-ocr-eng is needed");
    }

    void installedLanguages()
    {
        const QStringList languages = DocumentReader::installedLanguages();
        QVERIFY(languages.contains(QStringLiteral("eng")));
        QVERIFY(!languages.contains(QStringLiteral("osd")));
    }

    void supportedFilesByContent()
    {
        const QString png = path(QStringLiteral("looks-like-text.txt"));
        QVERIFY(save(sample().image, png, "png"));
        QVERIFY(DocumentReader::isSupportedFile(png));
        const QString text = path(QStringLiteral("notes.jpg"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Not a picture at all, just some notes.\n");
        file.close();
        QVERIFY(!DocumentReader::isSupportedFile(text));
        QVERIFY(!DocumentReader::isSupportedFile(path(QStringLiteral("missing.png"))));
        QVERIFY(DocumentReader::isSupportedFile(
            QStringLiteral(MONIAGENT_TEST_DATA_DIR "/receipts/password-protected.pdf")));
    }

    void formats_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QString>("family");
        QTest::addColumn<int>("pixelSize");
        QTest::newRow("png sans") << QByteArray("png") << QStringLiteral("DejaVu Sans") << 24;
        QTest::newRow("jpeg serif") << QByteArray("jpeg") << QStringLiteral("DejaVu Serif") << 26;
        QTest::newRow("tiff mono") << QByteArray("tiff") << QStringLiteral("DejaVu Sans Mono") << 22;
        QTest::newRow("bmp sans") << QByteArray("bmp") << QStringLiteral("DejaVu Sans") << 30;
        QTest::newRow("webp serif") << QByteArray("webp") << QStringLiteral("DejaVu Serif") << 28;
        QTest::newRow("small scan") << QByteArray("png") << QStringLiteral("DejaVu Sans") << 12;
        QTest::newRow("large photo text") << QByteArray("jpeg") << QStringLiteral("DejaVu Sans") << 90;
    }

    void formats()
    {
        QFETCH(QByteArray, format);
        QFETCH(QString, family);
        QFETCH(int, pixelSize);
        QVERIFY2(QImageWriter::supportedImageFormats().contains(format), format.constData());
        const Test::DrawnReceipt receipt = sample(pixelSize, family);
        const QString file
            = path(QStringLiteral("receipt-%1-%2.%3").arg(family).arg(pixelSize).arg(QString::fromLatin1(format)));
        QVERIFY(save(receipt.image, file, format, 92));
        DocumentReader reader;
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY2(document, qPrintable(document ? QString() : document.error().toString()));
        QCOMPARE(document->pages.size(), 1);
        const OcrPage& page = document->pages.first();
        QCOMPARE(page.size, receipt.image.size());
        QCOMPARE(page.rotation, 0);
        QCOMPARE(page.dpi, 0);
        QCOMPARE(page.source, QStringLiteral("tesseract"));
        verifyWords(page, receipt, KeyWords, std::max(5, pixelSize / 4));
        for (const OcrWord& word : page.words) {
            QVERIFY(word.confidence >= 0 && word.confidence <= 100);
            QVERIFY(QRect(QPoint(0, 0), page.size).contains(word.box));
        }
        QCOMPARE(document->engine.value(QStringLiteral("languages")).toString(), QStringLiteral("eng"));
        QVERIFY(document->engine.value(QStringLiteral("tesseract")).toString().startsWith(u'5'));
        QVERIFY(!document->engine.value(QStringLiteral("leptonica")).toString().isEmpty());
        QVERIFY(document->engine.value(QStringLiteral("steps")).toArray().contains(QStringLiteral("osd")));
    }

    void rotations_data()
    {
        QTest::addColumn<int>("degrees");
        QTest::newRow("90") << 90;
        QTest::newRow("180") << 180;
        QTest::newRow("270") << 270;
    }

    void rotations()
    {
        QFETCH(int, degrees);
        const Test::DrawnReceipt receipt = sample(26);
        const QString file = path(QStringLiteral("turned-%1.png").arg(degrees));
        QVERIFY(save(Test::turned(receipt.image, degrees), file, "png"));
        const OcrPage page = readOnePage(file);
        QCOMPARE(page.rotation, (360 - degrees) % 360);
        QCOMPARE(page.size, receipt.image.size());
        verifyWords(page, receipt, KeyWords, 7);
        // The page image the boxes refer to is the upright receipt.
        const Result<QImage> image = DocumentReader::pageImage(file, 0, {}, page.rotation);
        QVERIFY(image);
        QCOMPARE(image->size(), receipt.image.size());
        const QRect totalBox = receipt.boxOf(QStringLiteral("TOTAL"));
        QVERIFY(inkShare(*image, totalBox) > 0.15);
        const QRect gap(totalBox.right() + 10, totalBox.top(), 60, totalBox.height()); // between TOTAL and 9.84
        QVERIFY(inkShare(*image, gap) < 0.01);
    }

    void noiseAndBlur()
    {
        const Test::DrawnReceipt receipt = sample(26);
        const QString file = path(QStringLiteral("noisy.jpg"));
        QVERIFY(save(Test::withNoise(Test::blurred(receipt.image, 1), 45), file, "jpeg", 80));
        const OcrPage page = readOnePage(file);
        verifyWords(page, receipt, {QStringLiteral("GROCERY"), QStringLiteral("TOTAL"), QStringLiteral("9.84")}, 7);
    }

    void skewedScan()
    {
        // A receipt fed into the scanner a little crooked: boxes still land where the words are on the page.
        const Test::DrawnReceipt receipt = sample(26);
        const QTransform turn = QTransform().rotate(2.5);
        const QImage skewed = receipt.image.transformed(turn, Qt::SmoothTransformation);
        QImage page(skewed.size(), QImage::Format_RGB32);
        page.fill(Qt::white);
        QPainter(&page).drawImage(0, 0, skewed);
        const QString file = path(QStringLiteral("skewed.png"));
        QVERIFY(save(page, file, "png"));
        const OcrPage read = readOnePage(file);
        const QTransform map = QImage::trueMatrix(turn, receipt.image.width(), receipt.image.height());
        for (const QString& text : {QStringLiteral("GROCERY"), QStringLiteral("TOTAL"), QStringLiteral("Bread")}) {
            const QList<OcrWord> found = wordsNamed(read, text);
            QVERIFY2(!found.isEmpty(), qPrintable(text + QStringLiteral(" in ") + describe(read)));
            const QPointF expected = map.map(QPointF(receipt.boxOf(text).center()));
            const QPointF centre = QRectF(found.first().box).center();
            QVERIFY2(QLineF(expected, centre).length() < 10,
                     qPrintable(QStringLiteral("%1 expected near %2,%3, read at %4,%5")
                                    .arg(text)
                                    .arg(expected.x())
                                    .arg(expected.y())
                                    .arg(centre.x())
                                    .arg(centre.y())));
        }
    }

    void exifOrientation()
    {
        // Stored turned a quarter counter-clockwise, with EXIF orientation 6 ("turn 90° clockwise to show").
        const Test::DrawnReceipt receipt = sample(26);
        const QByteArray jpeg = withExifOrientation(jpegBytes(Test::turned(receipt.image, 270)), 6);
        const QString file = path(QStringLiteral("exif-6.jpg"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(jpeg);
        out.close();
        OcrOptions options;
        options.detectOrientation = false; // the EXIF tag alone must make it upright
        const OcrPage page = readOnePage(file, options);
        QCOMPARE(page.rotation, 0);
        QCOMPARE(page.size, receipt.image.size());
        verifyWords(page, receipt, KeyWords, 7);
        const Result<QImage> image = DocumentReader::pageImage(file);
        QVERIFY(image);
        QCOMPARE(image->size(), receipt.image.size());
    }

    void pdfTextLayer()
    {
        const QString file = path(QStringLiteral("text-layer.pdf"));
        QList<Test::DrawnWord> drawn;
        {
            QPdfWriter writer(file);
            writer.setResolution(300);
            writer.setPageSize(QPageSize(QSizeF(80, 120), QPageSize::Millimeter));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            QPainter painter(&writer);
            const QFont textFont = font(QStringLiteral("DejaVu Sans"), 40);
            painter.setFont(textFont);
            const QFontMetrics metrics(textFont, &writer);
            int baseline = 120;
            for (const QString& line : Test::sampleReceiptLines()) {
                int x = 60;
                for (const QString& word : QString(line).replace(u'|', u' ').split(u' ', Qt::SkipEmptyParts)) {
                    painter.drawText(QPoint(x, baseline), word);
                    drawn.append({word,
                                  QRect(x, baseline - metrics.ascent(), metrics.horizontalAdvance(word),
                                        metrics.ascent() + metrics.descent())});
                    x += metrics.horizontalAdvance(word + u' ');
                }
                baseline += metrics.height() * 3 / 2;
            }
        }
        DocumentReader reader;
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY2(document, qPrintable(document ? QString() : document.error().toString()));
        QCOMPARE(document->pages.size(), 1);
        const OcrPage& page = document->pages.first();
        QCOMPARE(page.source, QStringLiteral("pdf-text"));
        QCOMPARE(page.dpi, 300);
        QVERIFY(std::abs(page.size.width() - 945) <= 2); // 80 mm at 300 dpi
        QVERIFY(std::abs(page.size.height() - 1417) <= 2);
        QCOMPARE(page.words.size(), drawn.size());
        for (qsizetype i = 0; i < drawn.size(); ++i) {
            QCOMPARE(page.words[i].text, drawn[i].text);
            QCOMPARE(page.words[i].confidence, 100.0f);
            QVERIFY2(Test::near(page.words[i].box, drawn[i].box, 12), qPrintable(drawn[i].text));
        }
        QCOMPARE(page.lines.size(), Test::sampleReceiptLines().size());
        QCOMPARE(page.lines[8].text, QStringLiteral("TOTAL 9.84"));
        QCOMPARE(page.lines[8].wordCount, 2);
        QVERIFY(document->codes.isEmpty());
    }

    void pdfScanOnly()
    {
        // A scanned receipt in a PDF: no text layer, so the page is rendered at 300 dpi and read by Tesseract.
        const Test::DrawnReceipt receipt = sample(30);
        const QString file = path(QStringLiteral("scan.pdf"));
        {
            QPdfWriter writer(file);
            writer.setResolution(300);
            writer.setPageSize(
                QPageSize(QSizeF(receipt.image.width() * 25.4 / 300 + 1, receipt.image.height() * 25.4 / 300 + 1),
                          QPageSize::Millimeter));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            QPainter painter(&writer);
            painter.drawImage(QPoint(0, 0), receipt.image);
        }
        DocumentReader reader;
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY2(document, qPrintable(document ? QString() : document.error().toString()));
        QCOMPARE(document->pages.size(), 1);
        const OcrPage& page = document->pages.first();
        QCOMPARE(page.source, QStringLiteral("tesseract"));
        QCOMPARE(page.dpi, 300);
        verifyWords(page, receipt, KeyWords, 8);
        const Result<QImage> image = DocumentReader::pageImage(file);
        QVERIFY(image);
        QVERIFY(std::abs(image->width() - page.size.width()) <= 1);
        QVERIFY(std::abs(image->height() - page.size.height()) <= 1);
    }

    void qrCode()
    {
        const QString payload
            = QStringLiteral("BCD\n002\n1\nSCT\n\nCorner Grocery Ltd\nDE89370400440532013000\nEUR9.84\n\n\n"
                             "Receipt 000417");
        Test::DrawnReceipt receipt = sample(24);
        const QImage code = qrImage(payload, 5);
        QImage page(receipt.image.width(), receipt.image.height() + code.height() + 20, QImage::Format_RGB32);
        page.fill(Qt::white);
        const QPoint at((page.width() - code.width()) / 2, receipt.image.height());
        {
            QPainter painter(&page);
            painter.drawImage(0, 0, receipt.image);
            painter.drawImage(at, code);
        }
        const QString file = path(QStringLiteral("with-qr.png"));
        QVERIFY(save(page, file, "png"));
        DocumentReader reader;
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY(document);
        QCOMPARE(document->codes.size(), 1);
        const DecodedCode& decoded = document->codes.first();
        QCOMPARE(decoded.format, QStringLiteral("QRCode"));
        QCOMPARE(decoded.text, payload);
        QCOMPARE(decoded.page, 0);
        const QRect symbol(at + QPoint(20, 20), code.size() - QSize(40, 40)); // without the quiet zone
        QVERIFY2(Test::near(decoded.box, symbol, 8),
                 qPrintable(QStringLiteral("%1,%2 %3×%4")
                                .arg(decoded.box.x())
                                .arg(decoded.box.y())
                                .arg(decoded.box.width())
                                .arg(decoded.box.height())));
        const auto payment = PaymentCode::parse(decoded.text);
        QVERIFY(payment);
        QCOMPARE(payment->amount->minor(), 984);
        // The words are still read.
        verifyWords(document->pages.first(), receipt, {QStringLiteral("TOTAL")}, 6);
    }

    void barcode()
    {
        const QImage code = qrImage(QStringLiteral("4006381333931"), 3, ZXing::BarcodeFormat::EAN13);
        QImage page(code.width() + 200, code.height() + 200, QImage::Format_RGB32);
        page.fill(Qt::white);
        QPainter(&page).drawImage(100, 100, code);
        const QString file = path(QStringLiteral("barcode.png"));
        QVERIFY(save(page, file, "png"));
        DocumentReader reader;
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY(document);
        QCOMPARE(document->codes.size(), 1);
        QCOMPARE(document->codes.first().format, QStringLiteral("EAN-13"));
        QCOMPARE(document->codes.first().text, QStringLiteral("4006381333931"));
        QVERIFY(QRect(100, 100, code.width(), code.height()).intersects(document->codes.first().box));
    }

    void qrCodeInTextPdf()
    {
        // A PDF invoice with a text layer and a QR-bill code drawn as a picture: codes come from a rendering.
        const QString payload = QStringLiteral("https://example.org/invoice/2024-117");
        const QImage code = qrImage(payload, 8);
        const QString file = path(QStringLiteral("invoice-with-qr.pdf"));
        {
            QPdfWriter writer(file);
            writer.setResolution(300);
            writer.setPageSize(QPageSize(QPageSize::A5));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            QPainter painter(&writer);
            painter.setFont(font(QStringLiteral("DejaVu Sans"), 40));
            painter.drawText(QPoint(100, 150), QStringLiteral("INVOICE 2024-117"));
            painter.drawImage(QPoint(600, 600), code);
        }
        DocumentReader reader;
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY(document);
        QCOMPARE(document->pages.first().source, QStringLiteral("pdf-text"));
        QCOMPARE(document->codes.size(), 1);
        QCOMPARE(document->codes.first().text, payload);
        const QRect symbol(QPoint(600 + 32, 600 + 32), code.size() - QSize(64, 64));
        QVERIFY(Test::near(document->codes.first().box, symbol, 10));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("code");
        const QByteArray jpeg = jpegBytes(sample(24).image);
        QTest::newRow("empty") << QStringLiteral("empty.jpg") << QByteArray() << QStringLiteral("The file is empty.")
                               << int(Error::Code::InvalidInput);
        QTest::newRow("truncated jpeg") << QStringLiteral("truncated.jpg") << jpeg.left(jpeg.size() / 2)
                                        << QStringLiteral("The image is damaged or incomplete and cannot be read.")
                                        << int(Error::Code::Corrupt);
        QByteArray png;
        {
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            sample(24).image.save(&buffer, "png");
        }
        QTest::newRow("truncated png") << QStringLiteral("truncated.png") << png.left(png.size() / 2)
                                       << QStringLiteral("The image is damaged or incomplete and cannot be read.")
                                       << int(Error::Code::Corrupt);
        QTest::newRow("text named jpg") << QStringLiteral("shopping-list.jpg") << QByteArray("milk\nbread\napples\n")
                                        << QStringLiteral(
                                               "The file is neither an image (JPEG, PNG, TIFF, BMP, WebP) nor a PDF.")
                                        << int(Error::Code::InvalidInput);
        QTest::newRow("damaged pdf") << QStringLiteral("damaged.pdf")
                                     << QByteArray("%PDF-1.7\nthis is not a PDF body\n")
                                     << QStringLiteral("The PDF is damaged and cannot be read.")
                                     << int(Error::Code::Corrupt);
        QTest::newRow("corrupt bmp header")
            << QStringLiteral("corrupt.bmp") << QByteArray("BM") + QByteArray(60, '\xFF')
            << QStringLiteral("The image is damaged or incomplete and cannot be read.") << int(Error::Code::Corrupt);
    }

    void badInput()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QFETCH(int, code);
        const QString file = path(name);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
        out.close();
        const QByteArray before = content;
        verifyRefused(file, message, Error::Code(code));
        QFile again(file);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), before); // the original is untouched
    }

    void missingFile()
    {
        verifyRefused(path(QStringLiteral("nowhere.png")), QStringLiteral("The file does not exist."),
                      Error::Code::NotFound);
    }

    void passwordProtectedPdf()
    {
        verifyRefused(QStringLiteral(MONIAGENT_TEST_DATA_DIR "/receipts/password-protected.pdf"),
                      QStringLiteral("The PDF is protected by a password."));
    }

    void tooManyPages()
    {
        const QString file = path(QStringLiteral("500-pages.pdf"));
        {
            QPdfWriter writer(file);
            writer.setPageSize(QPageSize(QPageSize::A6));
            QPainter painter(&writer);
            for (int i = 0; i < 500; ++i) {
                if (i > 0)
                    writer.newPage();
                painter.drawText(QPoint(100, 100), QStringLiteral("Page %1").arg(i + 1));
            }
        }
        verifyRefused(file, QStringLiteral("The PDF has 500 pages; at most 20 are read."));
        OcrOptions options;
        options.maxPages = 2;
        DocumentReader reader(options);
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY(!document);
        QCOMPARE(document.error().message, QStringLiteral("The PDF has 500 pages; at most 2 are read."));
    }

    void hugePhoto()
    {
        // 60 megapixels, mostly white, with a few large lines of text: decoded at half size, read, memory bounded.
        const QFont big = font(QStringLiteral("DejaVu Sans"), 160);
        Test::DrawnReceipt receipt = Test::drawReceipt(
            {QStringLiteral("GRAND HOTEL"), QStringLiteral("TOTAL 412.50"), QStringLiteral("Thank you")}, big, 10000,
            300);
        QImage canvas(10000, 6000, QImage::Format_Grayscale8);
        canvas.fill(255);
        const QString payload = QStringLiteral("https://example.org/r/412");
        const QImage code = qrImage(payload, 24);
        const QPoint codeAt(6000, 3000);
        {
            QPainter painter(&canvas);
            painter.drawImage(0, 0, receipt.image);
            painter.drawImage(codeAt, code);
        }
        receipt.image = {};
        const QString file = path(QStringLiteral("60-megapixels.jpg"));
        QVERIFY(save(canvas, file, "jpeg", 85));
        canvas = {};
        DocumentReader reader;
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY2(document, qPrintable(document ? QString() : document.error().toString()));
        const OcrPage& page = document->pages.first();
        QCOMPARE(page.size, QSize(5000, 3000)); // decoded at half size: the page image the boxes refer to
        const QList<OcrWord> total = wordsNamed(page, QStringLiteral("412.50"));
        QVERIFY2(!total.isEmpty(), qPrintable(describe(page)));
        const QRect drawn = receipt.boxOf(QStringLiteral("412.50"));
        QVERIFY(Test::near(total.first().box, QRect(drawn.topLeft() / 2, drawn.size() / 2), 10));
        // The code is found on the big page (searched at half its resolution) with its box in page pixels.
        QCOMPARE(document->codes.size(), 1);
        QCOMPARE(document->codes.first().text, payload);
        const QRect symbol((codeAt + QPoint(96, 96)) / 2, (code.size() - QSize(192, 192)) / 2);
        QVERIFY2(Test::near(document->codes.first().box, symbol, 6),
                 qPrintable(QStringLiteral("%1,%2 %3×%4")
                                .arg(document->codes.first().box.x())
                                .arg(document->codes.first().box.y())
                                .arg(document->codes.first().box.width())
                                .arg(document->codes.first().box.height())));
        QVERIFY2(peakMemoryMb() < 1500, qPrintable(QString::number(peakMemoryMb())));
        qInfo() << "peak memory after reading 60 megapixels:" << peakMemoryMb() << "MB";
    }

    void largeTurnedPhoto()
    {
        // 20 megapixels stored on its side with EXIF orientation 6: decoded at half size, then turned upright.
        const Test::DrawnReceipt receipt
            = Test::drawReceipt({QStringLiteral("HARBOUR CAFE"), QStringLiteral("TOTAL 27.40")},
                                font(QStringLiteral("DejaVu Sans"), 120), 5000, 200);
        QImage upright(5000, 4000, QImage::Format_Grayscale8);
        upright.fill(255);
        QPainter(&upright).drawImage(0, 0, receipt.image);
        const QString file = path(QStringLiteral("large-exif.jpg"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(withExifOrientation(jpegBytes(Test::turned(upright, 270), 85), 6));
        out.close();
        OcrOptions options;
        options.detectOrientation = false;
        const OcrPage page = readOnePage(file, options);
        QCOMPARE(page.size, QSize(2500, 2000));
        const QList<OcrWord> total = wordsNamed(page, QStringLiteral("27.40"));
        QVERIFY2(!total.isEmpty(), qPrintable(describe(page)));
        const QRect drawn = receipt.boxOf(QStringLiteral("27.40"));
        QVERIFY(Test::near(total.first().box, QRect(drawn.topLeft() / 2, drawn.size() / 2), 8));
        const Result<QImage> image = DocumentReader::pageImage(file);
        QVERIFY(image);
        QCOMPARE(image->size(), QSize(2500, 2000));
    }

    void hugePngRefused()
    {
        // PNG cannot be decoded scaled down: 60 megapixels are refused with the numbers.
        QImage canvas(10000, 6000, QImage::Format_Grayscale8);
        canvas.fill(255);
        const QString file = path(QStringLiteral("60-megapixels.png"));
        QVERIFY(save(canvas, file, "png"));
        canvas = {};
        DocumentReader reader;
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY(!document);
        QCOMPARE(
            document.error().message,
            QStringLiteral("The image is 10000 × 6000 pixels (60 megapixels); images up to 32 megapixels are read."));
        QVERIFY2(peakMemoryMb() < 1500, qPrintable(QString::number(peakMemoryMb())));
    }

    void pictureWithoutText()
    {
        QImage noise(1200, 900, QImage::Format_RGB32);
        QRandomGenerator random(7);
        for (int y = 0; y < noise.height(); ++y) {
            for (int x = 0; x < noise.width(); ++x) {
                // Smooth blotches of colour like a photo of fur, plus grain.
                const int base = 120 + int(60 * std::sin(x / 37.0) * std::cos(y / 53.0));
                const int grain = int(random.bounded(40)) - 20;
                noise.setPixel(x, y,
                               qRgb(std::clamp(base + grain, 0, 255), std::clamp(base - 20 + grain, 0, 255),
                                    std::clamp(base - 50 + grain, 0, 255)));
            }
        }
        const QString file = path(QStringLiteral("cat.jpg"));
        QVERIFY(save(noise, file, "jpeg"));
        DocumentReader reader;
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY2(document, qPrintable(document ? QString() : document.error().toString()));
        QCOMPARE(document->pages.size(), 1);
        for (const OcrWord& word : document->pages.first().words) {
            int letters = 0;
            for (const QChar c : word.text)
                letters += c.isLetterOrNumber() ? 1 : 0;
            QVERIFY2(letters < 4 || word.confidence < 80, qPrintable(word.text));
        }
        QVERIFY(document->codes.isEmpty());
    }

    void reread()
    {
        const Test::DrawnReceipt receipt = sample(22);
        const QString file = path(QStringLiteral("reread.png"));
        QVERIFY(save(receipt.image, file, "png"));
        DocumentReader reader;
        QVERIFY(!reader.reread(0, QRect(0, 0, 10, 10), RereadMode::Numeric)); // nothing read yet
        QVERIFY(reader.read(file));

        // The TOTAL line's amount, with some margin.
        qsizetype totalIndex = 0;
        while (receipt.words[totalIndex].text != QLatin1String("TOTAL"))
            ++totalIndex;
        const QRect total = receipt.words[totalIndex + 1].box;
        QCOMPARE(receipt.words[totalIndex + 1].text, QStringLiteral("9.84"));
        const QRect region = total.adjusted(-30, -15, 30, 15);
        for (RereadMode mode : {RereadMode::Numeric, RereadMode::Upscaled}) {
            const Result<OcrPage> page = reader.reread(0, region, mode);
            QVERIFY2(page, qPrintable(page ? QString() : page.error().toString()));
            QCOMPARE(page->size, receipt.image.size());
            QCOMPARE(page->index, 0);
            const QList<OcrWord> amounts = wordsNamed(*page, QStringLiteral("9.84"));
            QVERIFY2(amounts.size() == 1, qPrintable(describe(*page)));
            QVERIFY(Test::near(amounts.first().box, total, 5));
            for (const OcrWord& word : page->words)
                QVERIFY(region.contains(word.box));
        }
        // Numeric mode reads digits only: a word region comes back without letters.
        const QRect word = receipt.boxOf(QStringLiteral("GROCERY")).adjusted(-3, -8, 8, 8);
        const Result<OcrPage> numeric = reader.reread(0, word, RereadMode::Numeric);
        QVERIFY(numeric);
        for (const OcrWord& w : numeric->words) {
            for (const QChar c : w.text)
                QVERIFY2(!c.isLetter(), qPrintable(w.text));
        }
        const Result<OcrPage> upscaled = reader.reread(0, word, RereadMode::Upscaled);
        QVERIFY(upscaled);
        QVERIFY2(wordsNamed(*upscaled, QStringLiteral("GROCERY")).size() == 1, qPrintable(describe(*upscaled)));

        QVERIFY(!reader.reread(1, region, RereadMode::Numeric));
        const Result<OcrPage> outside = reader.reread(0, QRect(5000, 5000, 50, 50), RereadMode::Numeric);
        QVERIFY(!outside);
        QCOMPARE(outside.error().message, QStringLiteral("The region lies outside the page."));
    }

    void pageImages()
    {
        const Test::DrawnReceipt receipt = sample(24);
        const QString file = path(QStringLiteral("thumbnail.png"));
        QVERIFY(save(receipt.image, file, "png"));
        const Result<QImage> full = DocumentReader::pageImage(file);
        QVERIFY(full);
        QCOMPARE(full->size(), receipt.image.size());
        const Result<QImage> thumbnail = DocumentReader::pageImage(file, 0, QSize(100, 100));
        QVERIFY(thumbnail);
        QVERIFY(thumbnail->width() <= 100 && thumbnail->height() <= 100);
        QVERIFY(thumbnail->width() == 100 || thumbnail->height() == 100);
        const Result<QImage> turned = DocumentReader::pageImage(file, 0, {}, 90);
        QVERIFY(turned);
        QCOMPARE(turned->size(), receipt.image.size().transposed());
        QVERIFY(!DocumentReader::pageImage(file, 1));
        const Result<QImage> missing = DocumentReader::pageImage(path(QStringLiteral("none.png")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().message, QStringLiteral("The file does not exist."));

        const QString pdf = path(QStringLiteral("two-pages.pdf"));
        {
            QPdfWriter writer(pdf);
            writer.setResolution(300);
            writer.setPageSize(QPageSize(QPageSize::A6));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            QPainter painter(&writer);
            painter.drawText(QPoint(100, 100), QStringLiteral("First"));
            writer.newPage();
            painter.drawText(QPoint(100, 100), QStringLiteral("Second"));
        }
        const Result<QImage> second = DocumentReader::pageImage(pdf, 1);
        QVERIFY(second);
        QVERIFY(std::abs(second->width() - 1240) <= 2); // A6 (105 mm) at 300 dpi
        const Result<QImage> small = DocumentReader::pageImage(pdf, 0, QSize(200, 200));
        QVERIFY(small);
        QVERIFY(small->width() <= 200 && small->height() <= 200 && small->height() >= 190);
        QVERIFY(!DocumentReader::pageImage(pdf, 2));
        QVERIFY(!DocumentReader::pageImage(QStringLiteral(MONIAGENT_TEST_DATA_DIR "/receipts/password-protected.pdf")));
    }

    void cancel()
    {
        const QString file = path(QStringLiteral("cancel.png"));
        QVERIFY(save(sample(24).image, file, "png"));
        std::atomic_bool cancelled = true;
        DocumentReader reader;
        const Result<OcrDocument> document = reader.read(file, &cancelled);
        QVERIFY(!document);
        QCOMPARE(int(document.error().code), int(Error::Code::Cancelled));
    }

    void missingLanguage()
    {
        const QString file = path(QStringLiteral("language.png"));
        QVERIFY(save(sample(24).image, file, "png"));
        OcrOptions options;
        options.languages = {QStringLiteral("eng"), QStringLiteral("xyz")};
        DocumentReader reader(options);
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY(!document);
        QVERIFY2(document.error().message.contains(QStringLiteral("“xyz”")), qPrintable(document.error().message));
    }

    // A language is read with the model of the first folder that has it (TESSDATA_PREFIX first); a language that
    // only another folder has is still listed and found there.
    void modelFolderChoice()
    {
        const QString file = path(QStringLiteral("models.png"));
        QVERIFY(save(sample(24).image, file, "png"));
        QString systemFolder;
        {
            DocumentReader reader;
            const Result<OcrDocument> document = reader.read(file);
            QVERIFY2(document, qPrintable(document ? QString() : document.error().toString()));
            systemFolder = document->engine.value(QStringLiteral("tessdata")).toString();
        }
        QVERIFY2(QFileInfo::exists(systemFolder + QStringLiteral("/eng.traineddata")), qPrintable(systemFolder));

        QTemporaryDir own;
        QVERIFY(own.isValid());
        QVERIFY(QFile::link(systemFolder + QStringLiteral("/eng.traineddata"),
                            own.filePath(QStringLiteral("eng.traineddata"))));
        QVERIFY(QFile::link(systemFolder + QStringLiteral("/eng.traineddata"),
                            own.filePath(QStringLiteral("zzq.traineddata"))));
        const QByteArray previous = qgetenv("TESSDATA_PREFIX");
        const bool hadPrevious = qEnvironmentVariableIsSet("TESSDATA_PREFIX");
        qputenv("TESSDATA_PREFIX", QFile::encodeName(own.path()));
        const auto restore = qScopeGuard([&] {
            if (hadPrevious)
                qputenv("TESSDATA_PREFIX", previous);
            else
                qunsetenv("TESSDATA_PREFIX");
        });
        const QString ownFolder = QFileInfo(own.path()).canonicalFilePath();

        const QStringList languages = DocumentReader::installedLanguages();
        QVERIFY(languages.contains(QStringLiteral("eng")));
        QVERIFY(languages.contains(QStringLiteral("zzq")));
        QCOMPARE(languages.count(QStringLiteral("eng")), 1);

        OcrOptions options;
        options.languages = {QStringLiteral("eng"), QStringLiteral("zzq")};
        DocumentReader reader(options);
        const Result<OcrDocument> document = reader.read(file);
        QVERIFY2(document, qPrintable(document ? QString() : document.error().toString()));
        QCOMPARE(document->engine.value(QStringLiteral("tessdata")).toString(), ownFolder);
        QCOMPARE(document->engine.value(QStringLiteral("languages")).toString(), QStringLiteral("eng+zzq"));
        QVERIFY(!document->pages.isEmpty() && !document->pages.first().words.isEmpty());
    }

    void configureProcess()
    {
        // The test's environment may set it; either way it is set afterwards and never overridden.
        const QByteArray before = qgetenv("OMP_THREAD_LIMIT");
        DocumentReader::configureProcess();
        QCOMPARE(qgetenv("OMP_THREAD_LIMIT"), before.isEmpty() ? QByteArray("1") : before);
    }
};

QTEST_MAIN(TestDocumentReader)
#include "tst_documentreader.moc"
