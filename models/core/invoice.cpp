#include "invoice.h"

namespace Moniagent {

QString InvoiceEnums::key(InvoiceStatus status)
{
    switch (status) {
    case InvoiceStatus::Pending:
        return QStringLiteral("pending");
    case InvoiceStatus::Processed:
        return QStringLiteral("processed");
    case InvoiceStatus::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<InvoiceStatus> InvoiceEnums::statusFromKey(QStringView key)
{
    for (InvoiceStatus status : allStatuses()) {
        if (InvoiceEnums::key(status) == key)
            return status;
    }
    return std::nullopt;
}

QString InvoiceEnums::displayName(InvoiceStatus status)
{
    switch (status) {
    case InvoiceStatus::Pending:
        return tr("Pending");
    case InvoiceStatus::Processed:
        return tr("Processed");
    case InvoiceStatus::Failed:
        return tr("Failed");
    }
    return {};
}

QList<InvoiceStatus> InvoiceEnums::allStatuses()
{
    return {InvoiceStatus::Pending, InvoiceStatus::Processed, InvoiceStatus::Failed};
}

} // namespace Moniagent
