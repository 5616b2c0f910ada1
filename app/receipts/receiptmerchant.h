#pragma once

#include "receiptanalysis.h"

namespace Moniagent::ReceiptParsing {

// Rows at the top of a receipt that are about the shop but are not its name.
enum class ShopInfo
{
    None,
    Address, // street words, postal code + town, house numbers, a line continued with a comma
    Contact, // phone, fax, e-mail, web
    Registration, // GST/VAT/company numbers
    Title, // "TAX INVOICE", "RECEIPT", "KASSENBON", greetings, cashier, table
};

ShopInfo shopInfoKind(const QString& folded);

// A legal form ("SDN BHD", "GmbH", "Ltd", "S.A.", "B.V.", "S.p.A." …): 2; a kind of business ("RESTAURANT",
// "ENTERPRISE", "BÄCKEREI", "PHARMACIE" …): 1; otherwise 0.
int companyWordStrength(const QString& folded);

struct MerchantPick
{
    QString name;
    int row = -1;
    float confidence = 0;
};

// The store name: a row near the top that is no address, contact, registration number, date, amount or title,
// preferring rows with a legal form or a kind of business, large print and an early position.
MerchantPick chooseMerchant(const QList<AnalyzedRow>& rows);

} // namespace Moniagent::ReceiptParsing
