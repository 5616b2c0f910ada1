#include "mailarchive.h"

#include "db/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Moniagent {

MailArchive::MailArchive(QString root)
    : m_root(QDir::cleanPath(std::move(root)))
{ }

MailArchive MailArchive::beside(const Database& database)
{
    return MailArchive(QFileInfo(database.path()).absolutePath() + QStringLiteral("/mail"));
}

QString MailArchive::checksum(const QByteArray& raw)
{
    return QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
}

QString MailArchive::pathFor(qint64 userId, const QString& checksum) const
{
    return QStringLiteral("%1/%2/%3/%4.eml").arg(m_root).arg(userId).arg(checksum.left(2), checksum);
}

Result<QString> MailArchive::store(qint64 userId, const QByteArray& raw) const
{
    const QString sum = checksum(raw);
    const QString target = pathFor(userId, sum);
    if (QFileInfo::exists(target))
        return sum;
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return Error {Error::Code::Io,
                      tr("The folder for emails cannot be created. Check the permissions of “%1”.")
                          .arg(QDir::toNativeSeparators(m_root)),
                      target};
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(raw) != raw.size() || !file.commit())
        return Error {Error::Code::Io, tr("The email cannot be saved (is the disk full?): %1").arg(file.errorString()),
                      target};
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return sum;
}

Result<QByteArray> MailArchive::load(qint64 userId, const QString& checksum) const
{
    QFile file(pathFor(userId, checksum));
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(tr("The original of this email is no longer on this computer."), file.fileName());
    return file.readAll();
}

void MailArchive::remove(qint64 userId, const QString& checksum) const
{
    QFile::remove(pathFor(userId, checksum));
}

} // namespace Moniagent
