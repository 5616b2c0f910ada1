#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>
#include <QString>

#include <optional>

namespace Moniagent {

class CategoryRepository;

// Text written to a device as UTF-8 in blocks of about 64 KB, for the exporters and the backup. A failed
// write is remembered and reported by flush() and every later call.
class ExportOutput
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::ExportOutput)

public:
    explicit ExportOutput(QIODevice& device);

    void write(const QString& text)
    {
        m_bytes += text.toUtf8();
        flushIfFull();
    }
    void write(QLatin1String ascii)
    {
        m_bytes.append(ascii.data(), ascii.size());
        flushIfFull();
    }
    void write(const QByteArray& utf8)
    {
        m_bytes += utf8;
        flushIfFull();
    }
    Result<void> flush();
    // Bytes handed to the device so far.
    qint64 written() const { return m_written; }

    // The user's category names by id.
    static Result<QHash<qint64, QString>> categoryNames(const CategoryRepository* categories, qint64 userId);
    // What a cancelled export or backup reports.
    static Error cancelled();

private:
    static constexpr qsizetype BlockSize = 64 * 1024;

    void flushIfFull()
    {
        if (m_bytes.size() >= BlockSize)
            (void)flush();
    }

    QIODevice& m_device;
    QByteArray m_bytes;
    qint64 m_written = 0;
    std::optional<Error> m_error;
};

} // namespace Moniagent
