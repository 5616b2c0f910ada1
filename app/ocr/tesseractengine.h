#pragma once

#include "core/result.h"
#include "ocrdocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

struct Pix;

namespace tesseract {
class TessBaseAPI;
}

namespace Moniagent {

// One Tesseract engine (LSTM) and, when asked for, one orientation detector (OSD). Not thread-safe: one per thread.
class TesseractEngine
{
    Q_DECLARE_TR_FUNCTIONS(TesseractEngine)
public:
    // Digits, separators and currency marks: what a numeric re-read may return.
    static const char* const NumericCharacters;

    TesseractEngine();
    ~TesseractEngine();
    TesseractEngine(const TesseractEngine&) = delete;
    TesseractEngine& operator=(const TesseractEngine&) = delete;

    // Loads `languages` (again only when they or the variables change). Fails naming a missing language.
    Result<void> init(const QStringList& languages, const QMap<QByteArray, QByteArray>& variables = {});

    // Reads `pix` into `page` (words and lines appended in reading order), with boxes passed through `toPage`.
    // `whitelist`, when given, limits the characters read. Returns Cancelled when `cancel` turns true.
    Result<void> recognize(Pix* pix, int pageSegMode, const std::function<QRect(const QRect&)>& toPage, OcrPage& page,
                           const std::atomic_bool* cancel = nullptr, const char* whitelist = nullptr);

    // The clockwise quarter turn that makes the text in `pix` upright: 0 when it is, when OSD is unsure, or when
    // tesseract-ocr-osd is not installed.
    int detectRotation(Pix* pix);
    bool orientationAvailable() const;

    static QString version();
    static QString leptonicaVersion();
    // The first folder holding the models of all `languages` empty when there is none.
    static QString dataPath(const QStringList& languages);
    static QStringList installedLanguages();

private:
    std::unique_ptr<tesseract::TessBaseAPI> m_api;
    std::unique_ptr<tesseract::TessBaseAPI> m_osd;
    QString m_loaded; // languages + variables the engine was initialised with
    bool m_osdMissing = false;
};

} // namespace Moniagent
