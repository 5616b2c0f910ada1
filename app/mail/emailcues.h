#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace Moniagent::MailParsing {

// The words of an email that say what it records, counted in the subject and in the body (folded text).
struct KindCues
{
    struct Counts
    {
        int purchase = 0; // receipt, invoice, order confirmation, your payment, subscription, charged …
        int strongPurchase = 0; // receipt, invoice, order confirmation, payment confirmation (not "your order")
        int refund = 0; // refund, money back, Rückerstattung …
        int payout = 0; // payout, you received a payment, payment received, you sold …
        int debit = 0; // bank/card alert: debited, abgebucht …
        int credit = 0; // bank/card alert: credited, gutgeschrieben …
        int shipping = 0; // shipped, dispatched, out for delivery, tracking …
        int marketing = 0; // % off, sale ends, shop now, newsletter …
        int account = 0; // password, verify your email, sign-in, welcome …
        int reminder = 0; // a payment to come: "will be charged", "upcoming renewal", "trial ends"

        int positive() const { return purchase + refund + payout + debit + credit; }
        int negative() const { return shipping + marketing + account + reminder; }
    };
    Counts subject;
    Counts body;
};

class EmailCues
{
public:
    static KindCues kindCues(const QString& subject, const QString& body);

    // "Order #123-456", "Order number: A1B2", "Bestellnummer 4711", "Invoice no. 2024-17" (must hold a digit).
    static QString orderNumber(const QString& text);
    // The purchase date printed in the body ("Order date: 3 March 2024", "Datum: 23.01.17", "Date: 01/13/2023"):
    // labelled dates first, ambiguous day/month orders resolved towards `reference` (not after it); when nothing
    // is labelled and `anyDate` is set, the first plausible date. Invalid when none.
    static QDate bodyDate(const QString& text, const QDate& reference, bool anyDate);
};

} // namespace Moniagent::MailParsing
