#include "tesseractengine.h"

#include "ocrlogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>
#include <allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

namespace Moniagent {

namespace {

// OSD's confidence below which a page is left as it is: receipts are mostly upright, and a wrong turn costs the
// whole page (tests/bench/ocr_tune).
constexpr float MinOrientationConfidence = 2.0f;

#ifdef Q_OS_WIN
constexpr const char* NullDevice = "nul";
#else
constexpr const char* NullDevice = "/dev/null";
#endif

bool cancelRequested(void* flag, int)
{
    return flag && static_cast<const std::atomic_bool*>(flag)->load();
}

// Where *.traineddata files are looked for, in order: TESSDATA_PREFIX, then Moniagent's own model folders
// (scripts/install-ocr-model puts Tesseract's "best" models there; Debian packages only the "fast" ones), then the
// usual system folders.
QStringList dataPathCandidates()
{
    QStringList candidates;
    const QString prefix = qEnvironmentVariable("TESSDATA_PREFIX");
    if (!prefix.isEmpty())
        candidates << prefix << prefix + QStringLiteral("/tessdata");
    if (QCoreApplication::instance()) {
        // A relocatable install (packaging/): <prefix>/bin/moniagent beside <prefix>/share/moniagent/tessdata.
        candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/moniagent/tessdata");
    }
    candidates << QStandardPaths::locateAll(QStandardPaths::GenericDataLocation, QStringLiteral("moniagent/tessdata"),
                                            QStandardPaths::LocateDirectory);
    candidates << QStringLiteral("/usr/local/share/moniagent/tessdata")
               << QStringLiteral("/usr/share/moniagent/tessdata")
               << QStringLiteral("/usr/share/tesseract-ocr/5/tessdata") << QStringLiteral("/usr/share/tessdata")
               << QStringLiteral("/usr/local/share/tessdata") << QStringLiteral("/opt/homebrew/share/tessdata")
               << QStringLiteral("/usr/share/tesseract-ocr/4.00/tessdata")
               << QStringLiteral("/usr/share/tesseract/tessdata");
    QStringList existing;
    for (const QString& candidate : std::as_const(candidates)) {
        const QFileInfo info(candidate);
        if (info.isDir() && !existing.contains(info.canonicalFilePath()))
            existing << info.canonicalFilePath();
    }
    return existing;
}

bool hasModel(const QString& folder, const QString& language)
{
    return QFileInfo::exists(folder + u'/' + language + QStringLiteral(".traineddata"));
}

} // namespace

const char* const TesseractEngine::NumericCharacters = "0123456789.,:/-+%$€£¥";

TesseractEngine::TesseractEngine()
{
    // Leptonica reports recoverable trouble inside Tesseract's layout analysis on standard error ("box outside
    // rectangle"); the results say what matters.
    static const bool quiet = [] {
        setMsgSeverity(L_SEVERITY_NONE);
        return true;
    }();
    Q_UNUSED(quiet);
}

TesseractEngine::~TesseractEngine()
{
    if (m_api)
        m_api->End();
    if (m_osd)
        m_osd->End();
}

QString TesseractEngine::version()
{
    return QString::fromLatin1(tesseract::TessBaseAPI::Version());
}

QString TesseractEngine::leptonicaVersion()
{
    char* text = getLeptonicaVersion();
    QString version = QString::fromLatin1(text);
    lept_free(text);
    version.remove(QStringLiteral("leptonica-"));
    return version;
}

QString TesseractEngine::dataPath(const QStringList& languages)
{
    for (const QString& candidate : dataPathCandidates()) {
        const bool complete = std::all_of(languages.cbegin(), languages.cend(),
                                          [&](const QString& language) { return hasModel(candidate, language); });
        if (!languages.isEmpty() && complete)
            return candidate;
    }
    return {};
}

QStringList TesseractEngine::installedLanguages()
{
    QStringList languages;
    for (const QString& candidate : dataPathCandidates()) {
        for (const QFileInfo& file :
             QDir(candidate).entryInfoList({QStringLiteral("*.traineddata")}, QDir::Files, QDir::Name)) {
            const QString name = file.completeBaseName();
            if (name != QLatin1String("osd") && name != QLatin1String("equ") && !languages.contains(name))
                languages << name;
        }
    }
    std::sort(languages.begin(), languages.end());
    return languages;
}

Result<void> TesseractEngine::init(const QStringList& languages, const QMap<QByteArray, QByteArray>& variables)
{
    QString key = languages.join(u'+');
    for (auto it = variables.begin(); it != variables.end(); ++it)
        key += u'|' + QString::fromUtf8(it.key()) + u'=' + QString::fromUtf8(it.value());
    if (m_api && key == m_loaded)
        return {};

    if (languages.isEmpty())
        return Error::invalidInput(tr("No OCR language is chosen."));
    const QString path = dataPath(languages);
    if (path.isEmpty()) {
        const QStringList installed = installedLanguages();
        for (const QString& language : languages) {
            if (!installed.contains(language)) {
                return Error::notFound(
                    tr("The OCR language “%1” is not installed (Tesseract's %1.traineddata).").arg(language),
                    dataPathCandidates().join(QStringLiteral(", ")));
            }
        }
        return Error::notFound(tr("The OCR languages %1 are not installed in one folder.").arg(languages.join(u'+')),
                               dataPathCandidates().join(QStringLiteral(", ")));
    }
    if (m_api)
        m_api->End();
    m_api = std::make_unique<tesseract::TessBaseAPI>();
    // Warnings such as "Empty page!!" go nowhere; failures are reported through return values.
    m_api->SetVariable("debug_file", NullDevice);
    const QByteArray dataPathBytes = QFile::encodeName(path);
    const QByteArray languageBytes = languages.join(u'+').toUtf8();
    if (m_api->Init(dataPathBytes.constData(), languageBytes.constData(), tesseract::OEM_LSTM_ONLY) != 0) {
        m_api.reset();
        m_loaded.clear();
        return Error {Error::Code::Io, tr("The OCR engine could not load its language data."),
                      QString::fromUtf8(languageBytes) + QStringLiteral(" in ") + path};
    }
    // Tesseract 5 re-reads every unsure line inverted (light text on dark): on receipts that costs time and finds
    // nothing (tests/bench/ocr_tune).
    m_api->SetVariable("tessedit_do_invert", "0");
    for (auto it = variables.begin(); it != variables.end(); ++it) {
        if (!m_api->SetVariable(it.key().constData(), it.value().constData()))
            qCWarning(lcOcr) << "unknown Tesseract variable" << it.key();
    }
    m_loaded = key;
    qCDebug(lcOcr) << "Tesseract" << version() << "with" << languageBytes << "from" << path;
    return {};
}

Result<void> TesseractEngine::recognize(Pix* pix, int pageSegMode, const std::function<QRect(const QRect&)>& toPage,
                                        OcrPage& page, const std::atomic_bool* cancel, const char* whitelist)
{
    if (!m_api)
        return Error {Error::Code::Io, tr("The OCR engine is not ready."), {}};
    m_api->SetPageSegMode(static_cast<tesseract::PageSegMode>(pageSegMode));
    m_api->SetVariable("tessedit_char_whitelist", whitelist ? whitelist : "");
    m_api->SetImage(pix);
    m_api->SetSourceResolution(300);

    tesseract::ETEXT_DESC monitor;
    monitor.cancel = &cancelRequested;
    monitor.cancel_this = const_cast<std::atomic_bool*>(cancel);
    const int status = m_api->Recognize(&monitor);
    if (cancel && cancel->load()) {
        m_api->Clear();
        return Error::cancelled();
    }
    if (status != 0) {
        m_api->Clear();
        return Error {Error::Code::Io, tr("The OCR engine could not read the page."), {}};
    }

    const std::unique_ptr<tesseract::ResultIterator> it(m_api->GetIterator());
    int block = -1;
    int currentLine = -1;
    int currentBlock = -2;
    bool startLine = true;
    if (it) {
        do {
            if (it->IsAtBeginningOf(tesseract::RIL_BLOCK))
                ++block;
            if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE))
                startLine = true;
            const std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
            const QString word = text ? QString::fromUtf8(text.get()).trimmed() : QString();
            int left = 0, top = 0, right = 0, bottom = 0;
            if (word.isEmpty() || !it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom))
                continue;
            if (startLine || currentBlock != block) {
                OcrLine line;
                line.block = std::max(block, 0);
                line.firstWord = int(page.words.size());
                page.lines.append(line);
                currentLine = int(page.lines.size()) - 1;
                currentBlock = block;
                startLine = false;
            }
            OcrWord ocrWord;
            ocrWord.text = word;
            ocrWord.box = toPage(QRect(QPoint(left, top), QPoint(right - 1, bottom - 1)));
            ocrWord.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD), 0.0f, 100.0f);
            ocrWord.line = currentLine;
            page.words.append(ocrWord);
            ++page.lines[currentLine].wordCount;
        } while (it->Next(tesseract::RIL_WORD));
    }
    m_api->Clear();

    for (OcrLine& line : page.lines) {
        QStringList texts;
        QRect box;
        float confidence = 0;
        for (int i = line.firstWord; i < line.firstWord + line.wordCount; ++i) {
            texts << page.words[i].text;
            box = box.united(page.words[i].box);
            confidence += page.words[i].confidence;
        }
        line.text = texts.join(u' ');
        line.box = box;
        line.confidence = line.wordCount > 0 ? confidence / float(line.wordCount) : 0;
    }
    return {};
}

bool TesseractEngine::orientationAvailable() const
{
    return !m_osdMissing;
}

int TesseractEngine::detectRotation(Pix* pix)
{
    if (m_osdMissing)
        return 0;
    if (!m_osd) {
        const QString path = dataPath({QStringLiteral("osd")});
        if (path.isEmpty()) {
            qCDebug(lcOcr) << "orientation detection needs osd.traineddata (tesseract-ocr-osd)";
            m_osdMissing = true;
            return 0;
        }
        m_osd = std::make_unique<tesseract::TessBaseAPI>();
        m_osd->SetVariable("debug_file", NullDevice);
        const QByteArray dataPathBytes = QFile::encodeName(path);
        if (m_osd->Init(dataPathBytes.constData(), "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
            qCWarning(lcOcr) << "the orientation detector could not be loaded from" << path;
            m_osd.reset();
            m_osdMissing = true;
            return 0;
        }
        m_osd->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    }
    m_osd->SetImage(pix);
    m_osd->SetSourceResolution(300);
    int degrees = 0;
    float confidence = 0;
    const char* script = nullptr;
    float scriptConfidence = 0;
    const bool found = m_osd->DetectOrientationScript(&degrees, &confidence, &script, &scriptConfidence);
    m_osd->Clear();
    qCDebug(lcOcr) << "orientation" << degrees << "confidence" << confidence << "script" << script;
    if (!found || confidence < MinOrientationConfidence)
        return 0;
    // OSD reports how far the text is turned clockwise; turning the other way makes it upright.
    return (360 - degrees) % 360;
}

} // namespace Moniagent
