#include "importers/statementformatdetector.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace Moniagent;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Moniagent::StatementFormat)

namespace {

QByteArray fixture(const QString& name)
{
    QFile file(QStringLiteral(MONIAGENT_TEST_DATA_DIR "/statements/csv/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.read(StatementFormatDetector::HeadBytes);
}

QByteArray utf16le(const QString& text)
{
    return QByteArray("\xff\xfe", 2) + QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
}

const QByteArray Ofx1 = "OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\n"
                        "CHARSET:1252\r\n\r\n<OFX>\r\n<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</STATUS></SONRS>";
const QByteArray Ofx2 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"220\" "
                        "SECURITY=\"NONE\"?>\n<OFX><BANKMSGSRSV1></BANKMSGSRSV1></OFX>\n";
const QByteArray OfxNoHeader = "\n\n<ofx>\n<bankmsgsrsv1><stmttrnrs><trnuid>1</stmttrnrs></bankmsgsrsv1>";
const QByteArray Camt = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document "
                        "xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\" "
                        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<BkToCstmrStmt>";
const QByteArray Qif = "!Type:Bank\nD03/03/10\nT-379.00\nPCITY OF SPRINGFIELD\n^\n";

} // namespace

// StatementFormatDetector: formats by content (extension only as a tie-breaker), and receipts by magic number.
class TestStatementFormatDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detect_data();
    void detect();
    void receipts_data();
    void receipts();
    void realFiles();
};

void TestStatementFormatDetector::detect_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<StatementFormat>("format");
    QTest::newRow("ofx 1 sgml") << Ofx1 << u"statement.ofx"_s << StatementFormat::Ofx;
    QTest::newRow("ofx 1 named .csv") << Ofx1 << u"statement.csv"_s << StatementFormat::Ofx;
    QTest::newRow("ofx 2 xml") << Ofx2 << u"statement.xml"_s << StatementFormat::Ofx;
    QTest::newRow("qfx without header, lower case") << OfxNoHeader << u"export.qfx"_s << StatementFormat::Ofx;
    QTest::newRow("camt.053") << Camt << u"statement.xml"_s << StatementFormat::Camt053;
    QTest::newRow("camt.053 named .txt") << Camt << u"download.txt"_s << StatementFormat::Camt053;
    QTest::newRow("other xml") << QByteArray("<?xml version=\"1.0\"?>\n<Invoice><Total>3</Total></Invoice>")
                               << u"invoice.xml"_s << StatementFormat::Unknown;
    QTest::newRow("qif bank") << Qif << u"money.qif"_s << StatementFormat::Qif;
    QTest::newRow("qif named .txt") << Qif << u"money.txt"_s << StatementFormat::Qif;
    QTest::newRow("qif account header, bom, blank lines")
        << QByteArray("\xef\xbb\xbf\r\n\r\n!Account\r\nNChecking\r\nTBank\r\n^\r\n!Type:Bank\r\n") << u"a.qif"_s
        << StatementFormat::Qif;
    QTest::newRow("qif option") << QByteArray("!Option:AutoSwitch\n!Account\nNCash\n^\n") << QString()
                                << StatementFormat::Qif;
    QTest::newRow("csv comma") << fixture(u"comma.csv"_s) << u"comma.csv"_s << StatementFormat::Csv;
    QTest::newRow("csv named .txt") << fixture(u"semicolon.csv"_s) << u"export.txt"_s << StatementFormat::Csv;
    QTest::newRow("csv without extension") << fixture(u"tab.csv"_s) << QString() << StatementFormat::Csv;
    QTest::newRow("csv utf-16") << fixture(u"utf16le.csv"_s) << u"x.csv"_s << StatementFormat::Csv;
    QTest::newRow("csv windows-1252") << fixture(u"windows1252.csv"_s) << u"x.csv"_s << StatementFormat::Csv;
    QTest::newRow("csv after account lines") << fixture(u"account-lines.csv"_s) << u"x"_s << StatementFormat::Csv;
    QTest::newRow("binary renamed .csv") << fixture(u"binary.csv"_s) << u"binary.csv"_s << StatementFormat::Unknown;
    QTest::newRow("binary renamed .ofx") << fixture(u"binary.csv"_s) << u"binary.ofx"_s << StatementFormat::Unknown;
    QTest::newRow("empty") << QByteArray() << u"empty.csv"_s << StatementFormat::Unknown;
    QTest::newRow("prose, no extension") << QByteArray("Dear customer,\nthank you.\n") << u"letter"_s
                                         << StatementFormat::Unknown;
    // Text the content cannot place: the extension breaks the tie, and that reader reports what is wrong.
    QTest::newRow("prose named .ofx") << QByteArray("Dear customer\nthank you\n") << u"broken.ofx"_s
                                      << StatementFormat::Ofx;
    QTest::newRow("prose named .qif") << QByteArray("Dear customer\nthank you\n") << u"broken.QIF"_s
                                      << StatementFormat::Qif;
    QTest::newRow("one column named .csv")
        << QByteArray("Amount\n12.00\n13.00\n") << u"one.csv"_s << StatementFormat::Csv;
    QTest::newRow("pdf named .csv") << QByteArray("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\x00\x01\x02\x03", 31)
                                    << u"statement.csv"_s << StatementFormat::Unknown;
    QTest::newRow("text-only pdf named .csv") << QByteArray("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
                                              << u"statement.csv"_s << StatementFormat::Unknown;
    QTest::newRow("png named .qif") << QByteArray("\x89PNG\r\n\x1a\n", 8) << u"x.qif"_s << StatementFormat::Unknown;
    QTest::newRow("utf-16 qif") << utf16le(u"!Type:CCard\r\nD1/2/2024\r\nT-5.00\r\n^\r\n"_s) << u"cc.qif"_s
                                << StatementFormat::Qif;
}

void TestStatementFormatDetector::detect()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, fileName);
    QFETCH(StatementFormat, format);
    QCOMPARE(StatementFormatDetector::detect(head, fileName), format);
}

void TestStatementFormatDetector::receipts_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("receipt");
    QByteArray bmp("BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00", 18);
    QTest::newRow("jpeg") << u"scan.bin"_s << QByteArray("\xff\xd8\xff\xe0\x00\x10JFIF\x00", 11) << true;
    QTest::newRow("png") << u"receipt"_s << QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 16) << true;
    QTest::newRow("tiff little endian") << u"a.tif"_s << QByteArray("II*\x00\x08\x00\x00\x00", 8) << true;
    QTest::newRow("tiff big endian") << u"a.tif"_s << QByteArray("MM\x00*\x00\x00\x00\x08", 8) << true;
    QTest::newRow("bmp") << u"a.bmp"_s << bmp << true;
    QTest::newRow("webp") << u"a.webp"_s << QByteArray("RIFF\x24\x00\x00\x00WEBPVP8 ", 16) << true;
    QTest::newRow("pdf") << u"invoice.pdf"_s << QByteArray("%PDF-1.4\n") << true;
    QTest::newRow("pdf after junk") << u"invoice"_s << QByteArray("\r\n\r\n%PDF-1.3\n") << true;
    QTest::newRow("csv named .jpg") << u"photo.jpg"_s << fixture(u"comma.csv"_s) << false;
    QTest::newRow("csv starting with BM") << u"cars.csv"_s << QByteArray("BMW;Audi;VW\n1;2;3\n4;5;6\n") << false;
    QTest::newRow("riff that is not webp") << u"a.wav"_s << QByteArray("RIFF\x24\x00\x00\x00WAVEfmt ", 16) << false;
    QTest::newRow("ofx") << u"statement.ofx"_s << Ofx1 << false;
    QTest::newRow("no head, jpeg extension") << u"IMG_0001.JPG"_s << QByteArray() << true;
    QTest::newRow("no head, pdf extension") << u"/tmp/receipts/x.pdf"_s << QByteArray() << true;
    QTest::newRow("no head, csv extension") << u"statement.csv"_s << QByteArray() << false;
}

void TestStatementFormatDetector::receipts()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, head);
    QFETCH(bool, receipt);
    QCOMPARE(StatementFormatDetector::isReceiptFile(fileName, head), receipt);
}

void TestStatementFormatDetector::realFiles()
{
    // The public parsers' sample statements: each is detected as the format its folder holds.
    const QString root = QStringLiteral(MONIAGENT_SHARED_DATA_DIR "/statements-dev/");
    if (!QDir(root).exists())
        QSKIP("the shared statement samples are not available");
    int counted = 0;
    const std::pair<QString, StatementFormat> kinds[] = {{u"*.ofx"_s, StatementFormat::Ofx},
                                                         {u"*.qfx"_s, StatementFormat::Ofx},
                                                         {u"*.qif"_s, StatementFormat::Qif},
                                                         {u"*.csv"_s, StatementFormat::Csv}};
    QStringList wrong;
    for (const auto& [pattern, format] : kinds) {
        QDirIterator it(root, {pattern}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const StatementFormat detected
                = StatementFormatDetector::detect(file.read(StatementFormatDetector::HeadBytes), path);
            ++counted;
            // An empty file (quiffen has one) is no statement of any format.
            const StatementFormat expected = file.size() == 0 ? StatementFormat::Unknown : format;
            if (detected != expected)
                wrong << QStringLiteral("%1: %2").arg(path.mid(root.size())).arg(int(detected));
            QVERIFY(file.seek(0));
            QVERIFY(!StatementFormatDetector::isReceiptFile(path, file.peek(1024)));
        }
    }
    qInfo("%d sample statements, %lld detected otherwise: %s", counted, qsizetype(wrong.size()),
          qPrintable(wrong.join(u"; "_s)));
    QVERIFY(counted > 0);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"\n"_s)));
}

QTEST_GUILESS_MAIN(TestStatementFormatDetector)
#include "tst_statementformatdetector.moc"
