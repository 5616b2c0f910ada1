#pragma once

#include "core/currency.h"
#include "mail/emailextraction.h"
#include "mail/parsedemail.h"

#include <QCoreApplication>

namespace Moniagent {

// Reads what an email records, offline and without per-merchant templates: schema.org Order/Invoice markup
// (JSON-LD or microdata) when present, otherwise generic cues: labelled totals in several languages (the final
// total, not a subtotal, tax or shipping line), currency symbols and codes, amounts in the subject, dates in the
// body or the Date header, the merchant from schema.org, a "thank you for shopping at X"-style phrase, the
// sender's name or domain, or the copyright line; the kind (purchase, refund, payout, bank movement) from words
// in the subject and body. Shipping notices, newsletters, marketing and account notices are Skipped.
// Pure and thread-safe: one extractor can serve any number of threads.
class EmailExtractor
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::EmailExtractor)

public:
    // `fallback`: the currency of amounts printed without one (the profile's currency).
    explicit EmailExtractor(Currency fallback = Currency::fromCode(u"EUR"))
        : m_fallback(std::move(fallback))
    { }

    // Bumped whenever the rules change what they find, so EMAIL_REPROCESS can re-read older extractions.
    static int version() { return 1; }

    EmailReading extract(const ParsedEmail& email) const;
    EmailReading extract(const ParsedEmail& email, const Currency& fallback) const;

private:
    Currency m_fallback;
};

} // namespace Moniagent
