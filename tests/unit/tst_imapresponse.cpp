// Splitting IMAP server output into responses, whatever the pieces it arrives in.
#include "mail/imapresponse.h"

#include <QtTest>

using namespace Moniagent;

class TestImapResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsAnywhere()
    {
        const QByteArray body = "Subject: x\r\n\r\nA line with {5}\r\nand ) and \"quotes\"\r\n";
        const QByteArray stream = "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n* 1 FETCH (UID 17 BODY[] {"
            + QByteArray::number(body.size()) + "}\r\n" + body + ")\r\n* 2 EXISTS\r\nM3 OK Fetch completed.\r\n";
        for (int piece : {1, 2, 7, 64, 4096}) {
            ImapResponseParser parser;
            QList<ImapResponseLine> lines;
            for (qsizetype at = 0; at < stream.size(); at += piece) {
                parser.feed(stream.mid(at, piece));
                while (auto line = parser.next())
                    lines.append(*line);
            }
            QCOMPARE(lines.size(), 4);
            QCOMPARE(lines.at(0).number("UIDVALIDITY"), 3857529045LL);
            QCOMPARE(lines.at(0).status(), QByteArray("OK"));
            QCOMPARE(lines.at(0).statusText(), QByteArray("UIDs valid"));
            QCOMPARE(lines.at(1).number("UID"), 17);
            QCOMPARE(lines.at(1).literals.size(), 1);
            QCOMPARE(lines.at(1).literals.first(), body); // the "{5}" inside is message text, not a literal
            QVERIFY(lines.at(1).text.endsWith(QByteArray("BODY[] {" + QByteArray::number(body.size()) + "})")));
            QVERIFY(lines.at(2).isUntagged());
            QCOMPARE(lines.at(3).tag(), QByteArray("M3"));
            QCOMPARE(lines.at(3).status(), QByteArray("OK"));
            QCOMPARE(parser.pendingBytes(), 0);
        }
    }

    void waitsForIncompleteInput()
    {
        ImapResponseParser parser;
        parser.feed("* 1 FETCH (BODY[] {10}\r\n12345");
        QVERIFY(!parser.next());
        parser.feed("67890)\r");
        QVERIFY(!parser.next());
        parser.feed("\n");
        const auto line = parser.next();
        QVERIFY(line);
        QCOMPARE(line->literals.first(), QByteArray("1234567890"));
    }

    void numbersAreWholeWords()
    {
        ImapResponseLine line {"* 3 FETCH (XUID 9 UID 12 RFC822.SIZE 400)", {}};
        QCOMPARE(line.number("UID"), 12);
        QCOMPARE(line.number("RFC822.SIZE"), 400);
        QVERIFY(!line.number("MODSEQ"));
        ImapResponseLine tagged {"M9 NO [NONEXISTENT] Mailbox doesn't exist: Foo", {}};
        QCOMPARE(tagged.status(), QByteArray("NO"));
        QCOMPARE(tagged.statusText(), QByteArray("Mailbox doesn't exist: Foo"));
    }
};

QTEST_GUILESS_MAIN(TestImapResponse)
#include "tst_imapresponse.moc"
