#include "receiptfilestore.h"

#include "db/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Moniagent {

ReceiptFileStore::ReceiptFileStore(QString root)
    : m_root(QDir::cleanPath(std::move(root)))
{ }

ReceiptFileStore ReceiptFileStore::beside(const Database& database)
{
    return ReceiptFileStore(QFileInfo(database.path()).absolutePath() + QStringLiteral("/receipts"));
}

Result<QString> ReceiptFileStore::sha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {Error::Code::Io,
                      tr("“%1” cannot be opened: %2").arg(QFileInfo(path).fileName(), file.errorString()), path};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return Error {Error::Code::Io,
                      tr("“%1” cannot be read: %2").arg(QFileInfo(path).fileName(), file.errorString()), path};
    return QString::fromLatin1(hash.result().toHex());
}

Result<QString> ReceiptFileStore::store(qint64 userId, const QString& path, const QString& sha256) const
{
    const QString suffix = QFileInfo(path).suffix().toLower().left(8);
    const QString dir = QStringLiteral("%1/%2/%3").arg(m_root).arg(userId).arg(sha256.left(2));
    const QString target
        = dir + u'/' + sha256 + (suffix.isEmpty() || !suffix.front().isLetterOrNumber() ? QString() : u'.' + suffix);
    if (QFileInfo::exists(target))
        return target;
    if (!QDir().mkpath(dir))
        return Error {Error::Code::Io,
                      tr("The folder for receipts cannot be created. Check the permissions of “%1”.")
                          .arg(QDir::toNativeSeparators(m_root)),
                      dir};
    QFile source(path);
    if (!source.open(QIODevice::ReadOnly))
        return Error {Error::Code::Io,
                      tr("“%1” cannot be opened: %2").arg(QFileInfo(path).fileName(), source.errorString()), path};
    QSaveFile copy(target);
    if (!copy.open(QIODevice::WriteOnly))
        return Error {Error::Code::Io, tr("The receipt cannot be copied: %1").arg(copy.errorString()), target};
    QByteArray block;
    while (!(block = source.read(1 << 20)).isEmpty()) {
        if (copy.write(block) != block.size()) {
            copy.cancelWriting();
            return Error {Error::Code::Io,
                          tr("The receipt cannot be copied (is the disk full?): %1").arg(copy.errorString()), target};
        }
    }
    if (source.error() != QFile::NoError) {
        copy.cancelWriting();
        return Error {Error::Code::Io,
                      tr("“%1” cannot be read: %2").arg(QFileInfo(path).fileName(), source.errorString()), path};
    }
    if (!copy.commit())
        return Error {Error::Code::Io,
                      tr("The receipt cannot be copied (is the disk full?): %1").arg(copy.errorString()), target};
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return target;
}

void ReceiptFileStore::remove(const QString& storedPath) const
{
    const QString clean = QDir::cleanPath(QFileInfo(storedPath).absoluteFilePath());
    if (clean.startsWith(m_root + u'/'))
        QFile::remove(clean);
}

} // namespace Moniagent
