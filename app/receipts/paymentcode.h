#pragma once

#include "core/money.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Moniagent {

// A payment request decoded from a QR code: an EPC/SEPA credit transfer QR ("BCD" service tag, versions 001
// and 002, UTF-8 and the other EPC charsets) or a Swiss QR-bill ("SPC", version 0200). Amount and currency are
// exact; other fields as given.
struct PaymentCode
{
    QString standard; // "epc" or "swiss-qr"
    std::optional<Money> amount; // absent when the code leaves the amount open
    QString creditorName;
    QString iban;
    QString bic;
    QString reference; // structured (RF…/QRR) or unstructured remittance text
    QString message;

    // Nothing when `payload` is not a well-formed EPC or Swiss QR payload.
    static std::optional<PaymentCode> parse(const QString& payload);
    QJsonObject toJson() const;
};

} // namespace Moniagent
