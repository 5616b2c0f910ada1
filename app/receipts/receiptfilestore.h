#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

namespace Moniagent {

class Database;

// The folder where the originals of receipts are kept: `<database folder>/receipts/<user id>/<ab>/<sha256>.<ext>`.
// A file is copied once (by its SHA-256), written to a temporary name and renamed, and never modified after.
class ReceiptFileStore
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptFileStore)
public:
    explicit ReceiptFileStore(QString root);
    // The store beside a database file.
    static ReceiptFileStore beside(const Database& database);

    const QString& root() const { return m_root; }

    // SHA-256 of a file's content, 64 lower-case hex digits; read in blocks, never whole into memory.
    static Result<QString> sha256(const QString& path);

    // Copies `path` into the store (unless a copy with this digest is there) and returns the stored path.
    Result<QString> store(qint64 userId, const QString& path, const QString& sha256) const;
    // Deletes a stored copy; a path outside the store is left alone.
    void remove(const QString& storedPath) const;

private:
    QString m_root;
};

} // namespace Moniagent
