#pragma once

#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QSize>
#include <QString>

namespace Moniagent {

// One word read from a page. `box` is in pixels of the upright page image (OcrPage::size): the loaded image
// after its EXIF orientation and the page's detected `rotation`, at its original resolution (clean-up scaling
// is undone), or a PDF page at OcrPage::dpi.
struct OcrWord
{
    QString text;
    QRect box;
    float confidence = 0; // 0..100 as Tesseract reports it; 100 for a PDF text layer
    int line = -1; // index into OcrPage::lines
};

// One text line: its words in reading order.
struct OcrLine
{
    QString text; // the words joined by single spaces
    QRect box;
    float confidence = 0; // 0..100, the mean of its words
    int block = 0; // the layout block it belongs to
    int firstWord = 0; // index into OcrPage::words
    int wordCount = 0;
};

// What was read from one page (an image file has one).
struct OcrPage
{
    int index = 0; // 0-based page number
    QSize size; // the upright page image the boxes refer to
    int dpi = 0; // 0 for an image file; the render resolution of a PDF page
    int rotation = 0; // 0, 90, 180 or 270: clockwise turn applied to the loaded image to make it upright
    QString source; // "tesseract" or "pdf-text"
    QList<OcrWord> words;
    QList<OcrLine> lines;
};

// A QR code or barcode found on a page.
struct DecodedCode
{
    QString format; // "QRCode", "EAN-13", … as ZXing names it
    QString text;
    QRect box; // in the page's coordinates, like OcrWord::box
    int page = 0;
};

// Everything the reading stage produced for one file.
struct OcrDocument
{
    QList<OcrPage> pages;
    QList<DecodedCode> codes;
    // Engine versions, languages and the clean-up steps used, e.g. {"tesseract": "5.3.0", "leptonica": "1.82.0",
    // "languages": "eng", "steps": ["scale", "deskew", …]}; stored in extracted_data so that a later version can
    // tell what produced the words.
    QJsonObject engine;
};

} // namespace Moniagent
