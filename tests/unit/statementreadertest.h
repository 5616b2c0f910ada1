#pragma once

// Helpers shared by the statement reader tests (OFX, QIF, CAMT.053): read a file or bytes into a list,
// describe a line in one comparable string, walk the real sample files.

#include "core/result.h"
#include "importers/statement.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QList>
#include <QStringList>

#include <functional>

namespace Moniagent::Test {

struct ReadOutcome
{
    Result<StatementInfo> info = Error::invalidInput(QStringLiteral("not read"));
    QList<StatementLine> lines;
};

using ReadFunction
    = std::function<Result<StatementInfo>(QIODevice&, const StatementReadOptions&, const StatementSink&)>;

// Reads until the sink has `limit` lines (all when negative).
inline ReadOutcome readDevice(const ReadFunction& read, QIODevice& device, const StatementReadOptions& options = {},
                              int limit = -1)
{
    ReadOutcome outcome;
    outcome.info = read(device, options, [&outcome, limit](StatementLine&& line) {
        outcome.lines.append(std::move(line));
        return limit < 0 || outcome.lines.size() < limit;
    });
    return outcome;
}

inline ReadOutcome readBytes(const ReadFunction& read, const QByteArray& bytes,
                             const StatementReadOptions& options = {}, int limit = -1)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return readDevice(read, buffer, options, limit);
}

inline ReadOutcome readFile(const ReadFunction& read, const QString& path, const StatementReadOptions& options = {},
                            int limit = -1)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ReadOutcome outcome;
        outcome.info = Error::invalidInput(QStringLiteral("cannot open ") + path);
        return outcome;
    }
    return readDevice(read, file, options, limit);
}

// "#3 2024-01-02 -4217 USD | payee | memo | id=… | chk=…" (the error is checked separately).
inline QString describe(const StatementLine& line)
{
    return QStringLiteral("#%1 %2 %3 %4 | %5 | %6 | id=%7 | chk=%8")
        .arg(QString::number(line.record), line.date.toString(Qt::ISODate), QString::number(line.amount.minor()),
             line.amount.currency().code(), line.payee, line.memo, line.externalId, line.checkNumber);
}

inline QStringList describe(const QList<StatementLine>& lines)
{
    QStringList out;
    for (const StatementLine& line : lines)
        out.append(describe(line));
    return out;
}

inline QString sharedStatementsDir()
{
    return QStringLiteral(MONIAGENT_SHARED_DATA_DIR "/statements-dev");
}

// Files under `dir` (relative to statements-dev) matching `patterns`, sorted; `recursive` walks subfolders.
inline QStringList sharedFiles(const QString& dir, const QStringList& patterns, bool recursive)
{
    QStringList files;
    QDirIterator it(sharedStatementsDir() + u'/' + dir, patterns, QDir::Files,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

} // namespace Moniagent::Test
