#pragma once

#include "mail/parsedemail.h"

#include <QString>

namespace Moniagent::MailParsing {

// Who an email is from, as a merchant name, by generic cues only (no list of known merchants).
class MerchantGuess
{
public:
    // The best guess for an email whose readable text is `text`, in this order: a phrase that names the shop
    // ("Thank you for shopping at X", "Your receipt from X"; subject first), the sender's display name (the
    // original sender's for a forwarded email), a name in the text that spells a domain the email comes from or
    // links to ("The Home Depot" for homedepot.com) or that domain itself, the payee ("payment to X", "Seller: X"),
    // the copyright line, the HTML title. A payment platform's or marketplace's own receipts thus name the
    // platform, as the card statement does.
    static QString guess(const ParsedEmail& email, const QString& text);

    // The merchant a sender's display name or address names: "Acme Store <no-reply@acme.com>" -> "Acme Store",
    // "Black & Brew via Square" -> "Black & Brew", "orders@mail.shop-example.co.uk" -> "Shop-example". Words like
    // no-reply, orders, receipts, billing, team and customer service are dropped; empty when nothing is left.
    static QString fromSender(const QString& displayName, const QString& address);
    // The shop an email names itself: "Thank you for shopping at X", "Your receipt from X", "Ihre Bestellung bei X".
    static QString fromText(const QString& text);
    // Whom a payment went to: "You sent a payment to X", "Seller: X", "Sold by X" (on payment platforms and
    // marketplaces this is not who sent the email; used only when the sender says nothing).
    static QString payeeFromText(const QString& text);
    // The owner in a copyright line: "© 2021 Example Inc. All rights reserved." -> "Example".
    static QString fromFooter(const QString& text);
    // A name written in `text` that spells one of the domains the email comes from or links to most, or the
    // domain's name itself ("Sunpass" for sunpass.com) when the text never spells it out.
    static QString fromDomains(const QString& text, const QString& html, const QString& fromAddress);
    // The other side of a bank or card movement: "debited CHF 62.40 at Migros", "credited … from Jane Doe".
    static QString counterparty(const QString& text);
    // The sender of the message an inline-forwarded email quotes ("From: X <a@b>", "Von: X"), when it is one.
    static QString forwardedSender(const ParsedEmail& email, const QString& text);
    // The name a domain stands for: "mail.shop.example.co.uk" -> "shop" (empty for an unusable domain).
    static QString domainName(const QString& domain);
    // Trims a merchant name: quotes, "no-reply", "Team", trailing punctuation.
    static QString clean(const QString& name);
};

} // namespace Moniagent::MailParsing
