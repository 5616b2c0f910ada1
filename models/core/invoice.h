#pragma once

#include "money.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// Where a receipt or invoice file is in the capture pipeline; stored as the lower-case key.
enum class InvoiceStatus
{
    Pending, // stored, not read yet (or being read)
    Processed, // read; its fields and transactions are filled in
    Failed, // could not be read; `error` says why
};

// A receipt or invoice file the user imported (table `invoices`). The original is copied into the app data
// folder (`filePath`) and identified by its SHA-256, so the same file is never imported twice.
struct Invoice
{
    qint64 id = 0;
    QString uuid;
    qint64 userId = 0;
    QString filename; // the name the user knows the file by
    QString filePath; // the stored copy
    QString sha256; // 64 lower-case hex digits
    QString mimeType;
    QString storeName; // empty = unknown
    QDate date; // null = unknown
    // The amounts read from the document; both are in the same currency when both are set.
    std::optional<Money> total;
    std::optional<Money> tax;
    QJsonObject extractedData; // OCR words with boxes, fields with confidence, line items, engine versions
    InvoiceStatus status = InvoiceStatus::Pending;
    QString error; // empty unless the status is Failed
    QDateTime createdAt;
    QDateTime updatedAt;
};

class InvoiceEnums
{
    Q_DECLARE_TR_FUNCTIONS(InvoiceEnums)
public:
    static QString key(InvoiceStatus status); // empty for a value outside the enum
    static std::optional<InvoiceStatus> statusFromKey(QStringView key);
    static QString displayName(InvoiceStatus status);
    static QList<InvoiceStatus> allStatuses();
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::Invoice)
