#pragma once

#include "core/result.h"
#include "ocrdocument.h"

#include <QCoreApplication>
#include <QImage>

#include <memory>

namespace Poppler {
class Document;
}

namespace Moniagent {

// A PDF opened with poppler-qt6: its text layer as words with boxes, or its pages rendered for OCR.
class PdfFile
{
    Q_DECLARE_TR_FUNCTIONS(PdfFile)
public:
    // The resolution page coordinates use (OcrPage::dpi), for the text layer and for rendered pages.
    static constexpr int Dpi = 300;

    PdfFile(PdfFile&&) noexcept;
    PdfFile& operator=(PdfFile&&) noexcept;
    ~PdfFile();

    // Opens `path`; refuses damaged and password-protected files and files with more than `maxPages` pages
    // (0: no limit).
    static Result<PdfFile> open(const QString& path, int maxPages);

    int pageCount() const;
    // The page's text layer as words and lines in `Dpi` coordinates (source "pdf-text"); no words when the page
    // has no text layer (a scan).
    OcrPage textPage(int index) const;
    // The page rendered at `dpi`, lowered so that the image stays within ImageLoader::MaxPixels; the resolution
    // used is stored in `usedDpi`.
    Result<QImage> render(int index, int dpi, int* usedDpi = nullptr) const;

    static QString popplerVersion();

private:
    PdfFile();
    std::unique_ptr<Poppler::Document> m_document;
};

} // namespace Moniagent
