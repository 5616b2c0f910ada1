#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Moniagent {

class Database;

// The originals of fetched emails, kept as fetched: `<database folder>/mail/<user id>/<ab>/<sha256>.eml`.
// A message is written once (by the SHA-256 of its bytes, which is also emails.checksum), to a temporary name
// and renamed, and never modified after; extraction and reprocessing read it from here.
class MailArchive
{
    Q_DECLARE_TR_FUNCTIONS(MailArchive)
public:
    explicit MailArchive(QString root);
    static MailArchive beside(const Database& database);

    const QString& root() const { return m_root; }
    static QString checksum(const QByteArray& raw); // SHA-256, 64 lower-case hex digits

    // Keeps `raw` (unless a copy with this checksum is there) and returns its checksum.
    Result<QString> store(qint64 userId, const QByteArray& raw) const;
    Result<QByteArray> load(qint64 userId, const QString& checksum) const;
    void remove(qint64 userId, const QString& checksum) const;

private:
    QString pathFor(qint64 userId, const QString& checksum) const;

    QString m_root;
};

} // namespace Moniagent
