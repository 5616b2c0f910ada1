#include "merchantguess.h"

#include "mail/htmltext.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Moniagent::MailParsing {

namespace {

// A name after a cue: up to five words, the first capitalised or a digit ("7-Eleven", "The Home Depot").
const QString kName
    = uR"(((?:[\p{Lu}\d]|\p{Ll}{1,3}\p{Lu})[\w&'’.\-]*(?:[ ]+(?:[\p{Lu}\d&#][\w&'’.\-]*|&|de|di|du|of|and|und|et)){0,4}))"_s;

const QStringList& stopNames()
{
    static const QStringList names {u"US"_s,    u"OUR"_s,        u"YOUR"_s,   u"THE"_s,   u"YOU"_s, u"IT"_s,
                                    u"THIS"_s,  u"A"_s,          u"AN"_s,     u"ME"_s,    u"UNS"_s, u"NOUS"_s,
                                    u"ORDER"_s, u"AMAZON PAY"_s, u"PAYPAL"_s, u"STRIPE"_s};
    return names;
}

bool hasLetter(const QString& text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); });
}

// Letters and digits only, lower case, "&" read as "and": "Black & Brew" -> "blackandbrew".
QString squeeze(const QString& text)
{
    QString out;
    for (const QChar c : text) {
        if (c == u'&')
            out += u"and"_s;
        else if (c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

// Hosts that carry images, tracking and social links in any email; they say nothing about the sender.
bool isInfrastructure(const QString& name)
{
    static const QStringList names {
        u"w3"_s,          u"schema"_s,        u"google"_s,      u"googleapis"_s,  u"gstatic"_s,   u"facebook"_s,
        u"twitter"_s,     u"instagram"_s,     u"youtube"_s,     u"linkedin"_s,    u"pinterest"_s, u"tiktok"_s,
        u"cloudfront"_s,  u"amazonaws"_s,     u"akamaihd"_s,    u"list-manage"_s, u"mailchimp"_s, u"sendgrid"_s,
        u"mandrillapp"_s, u"sparkpostmail"_s, u"doubleclick"_s, u"bit"_s,         u"apple"_s,     u"microsoft"_s,
        u"outlook"_s,     u"gmail"_s,         u"example"_s,     u"x"_s,           u"t"_s,         u"goo"_s};
    return names.contains(name);
}

} // namespace

QString MerchantGuess::clean(const QString& name)
{
    QString text = name;
    text.remove(u'"');
    const qsizetype via = text.indexOf(u" via "_s, 0, Qt::CaseInsensitive);
    if (via > 0)
        text = text.left(via);
    static const QRegularExpression noise(
        uR"((?i)\b(?:no-?reply|do-?not-?reply|noreply|orders?|receipts?|billing|invoices?|notifications?|notify|)"
        uR"(info|support|customer (?:service|care|support)|team|mailer|newsletter|news|account|accounts|alerts?|)"
        uR"(payments?|sales|kundenservice|bestellung(?:en)?|rechnung(?:en)?)\b)"_s);
    text.replace(noise, QString());
    static const QRegularExpression edges(uR"(^[\s\-–|:,.@]+|[\s\-–|:,@]+$)"_s);
    text.replace(edges, QString());
    text = text.simplified();
    while (text.endsWith(u'.') || text.endsWith(u',') || text.endsWith(u'!'))
        text.chop(1);
    if (text.startsWith(u"The "_s, Qt::CaseInsensitive) && text.count(u' ') == 0)
        return {};
    return text;
}

QString MerchantGuess::domainName(const QString& domain)
{
    // Second-level labels under a country code ("co.uk", "com.au") and hosts that only send mail.
    static const QStringList secondLevel {u"co"_s,  u"com"_s, u"net"_s, u"org"_s, u"ac"_s,
                                          u"gov"_s, u"edu"_s, u"ne"_s,  u"or"_s,  u"gv"_s};
    static const QStringList mailHosts {
        u"www"_s,    u"mail"_s,     u"email"_s,   u"e"_s,        u"em"_s,     u"news"_s,      u"info"_s,
        u"mailer"_s, u"mg"_s,       u"send"_s,    u"bounce"_s,   u"reply"_s,  u"members"_s,   u"notifications"_s,
        u"notify"_s, u"messages"_s, u"m"_s,       u"t"_s,        u"mx"_s,     u"marketing"_s, u"transactional"_s,
        u"orders"_s, u"receipts"_s, u"shop"_s,    u"store"_s,    u"click"_s,  u"links"_s,     u"link"_s,
        u"go"_s,     u"my"_s,       u"account"_s, u"accounts"_s, u"secure"_s, u"support"_s,   u"help"_s};
    QStringList labels = domain.toLower().split(u'.', Qt::SkipEmptyParts);
    if (labels.size() < 2)
        return {};
    labels.removeLast(); // the top-level domain
    if (labels.size() > 1 && secondLevel.contains(labels.last()))
        labels.removeLast();
    return labels.last();
}

QString MerchantGuess::fromSender(const QString& displayName, const QString& address)
{
    QString name = clean(displayName);
    if (!name.isEmpty() && !name.contains(u'@'))
        return name;
    QString label = domainName(address.section(u'@', 1));
    if (label.isEmpty())
        return {};
    label[0] = label.at(0).toUpper();
    return label;
}

namespace {

QList<QRegularExpression> cuePatterns(const QStringList& starts)
{
    QList<QRegularExpression> list;
    for (const QString& start : starts)
        list.append(QRegularExpression(start + kName, QRegularExpression::UseUnicodePropertiesOption));
    return list;
}

QString firstName(const QList<QRegularExpression>& cues, const QString& text)
{
    for (const QRegularExpression& cue : cues) {
        auto it = cue.globalMatch(text);
        while (it.hasNext()) {
            const QString name = MerchantGuess::clean(it.next().captured(1));
            if (hasLetter(name) && !stopNames().contains(name.toUpper()) && name.size() >= 2)
                return name;
        }
    }
    return {};
}

} // namespace

QString MerchantGuess::fromText(const QString& text)
{
    static const QList<QRegularExpression> cues = cuePatterns({
        uR"((?i:thanks?(?: you)?(?: so much)?(?: again)? for (?:shopping|ordering|your (?:order|purchase|payment|business|visit)|buying|choosing|dining|visiting|booking)) (?i:at|with|from) )"_s,
        uR"((?i:your (?:order|receipt|purchase|invoice|subscription|booking)) (?i:from|at|with) )"_s,
        uR"((?i:(?:receipt|invoice|order|purchase) from) )"_s,
        uR"((?i:(?:vielen dank|danke) f(?:ü|ue)r (?:ihren|deinen|ihre|deine) (?:einkauf|bestellung) (?:bei|in)) )"_s,
        uR"((?i:(?:ihre|deine|neue) bestellung (?:bei|auf)) )"_s,
        uR"((?i:new order (?:on|at)) )"_s,
        uR"((?i:merci (?:pour votre (?:achat|commande) )?chez) )"_s,
        uR"((?i:grazie per (?:il tuo acquisto|aver acquistato) (?:da|su)) )"_s,
    });
    return firstName(cues, text);
}

QString MerchantGuess::counterparty(const QString& text)
{
    static const QList<QRegularExpression> cues = cuePatterns({
        uR"((?i:debited|charged|spent|used|purchase|payment|transaction|withdrawal|belastet|abgebucht|bezahlt|d(?:é|e)bit(?:é|e)e?)[^\n]{0,40}? (?i:at|bei|chez|presso|en|in|to|an) )"_s,
        uR"((?i:credited|gutgeschrieben|cr(?:é|e)dit(?:é|e)e?)[^\n]{0,40}? (?i:from|von|de|da) )"_s,
    });
    return firstName(cues, text.left(4000));
}

QString MerchantGuess::payeeFromText(const QString& text)
{
    static const QList<QRegularExpression> cues = cuePatterns({
        uR"((?i:(?:you(?:'ve| have)? )?(?:sent a payment|made a payment|paid|sent money|donated|authori[sz]ed a payment)(?: of [^\n]{1,25}?)? to) )"_s,
        uR"((?i:your (?:payment|donation) to) )"_s,
        uR"((?i:(?:payment|purchase|donation) (?:to|at)) )"_s,
        uR"((?i:(?:merchant|seller|payee|sold by|verk(?:ä|ae)ufer|h(?:ä|ae)ndler|vendeur|marchand|commer(?:ç|c)ant|venditore))(?: name)?[ \t]*[:|]?[ \t]*\n?[ \t]*)"_s,
    });
    return firstName(cues, text);
}

QString MerchantGuess::fromFooter(const QString& text)
{
    static const QRegularExpression copyright(
        uR"((?:©|\(c\)|(?i:copyright))\s*(?:(?i:copyright)\s*)?(?:\d{4}(?:\s*[-–‐]\s*\d{4})?\s*,?\s*)?)"_s + kName,
        QRegularExpression::UseUnicodePropertiesOption);
    auto it = copyright.globalMatch(text);
    QString last;
    while (it.hasNext()) {
        QString name = it.next().captured(1);
        static const QRegularExpression legal(
            uR"((?i)[,.]?\s+(?:inc|ltd|llc|gmbh|ag|sa|s\.a|limited|corp|corporation|plc|b\.v|bv|sarl|s\.r\.l|srl|co|company|all|rights|and its affiliates)\b.*$)"_s);
        name.replace(legal, QString());
        name = clean(name);
        if (hasLetter(name) && !stopNames().contains(name.toUpper()))
            last = name;
    }
    return last;
}

QString MerchantGuess::fromDomains(const QString& text, const QString& html, const QString& fromAddress)
{
    QHash<QString, int> counts;
    static const QRegularExpression link(uR"((?i)(?:https?://|www\.)([a-z0-9.-]+\.[a-z]{2,}))"_s);
    static const QRegularExpression bare(
        uR"((?i)\b([a-z0-9-]+\.(?:com|net|org|co\.uk|de|ch|fr|it|es|nl|io|tv|app|ca|com\.au|at|be|eu|us))\b)"_s);
    for (const QString* source : {&html, &text}) {
        auto it = link.globalMatch(*source);
        while (it.hasNext()) {
            const QString name = domainName(it.next().captured(1));
            if (!name.isEmpty() && !isInfrastructure(name))
                ++counts[name];
        }
    }
    auto bareIt = bare.globalMatch(text);
    while (bareIt.hasNext()) {
        const QString name = domainName(bareIt.next().captured(1));
        if (!name.isEmpty() && !isInfrastructure(name))
            counts[name] += 2;
    }
    const QString sender = domainName(fromAddress.section(u'@', 1));
    if (!sender.isEmpty())
        counts[sender] += 100;
    QList<QPair<int, QString>> ranked;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        ranked.append({it.value(), it.key()});
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (ranked.isEmpty())
        return {};
    // Capitalised phrases of up to four words, compared letter by letter with the domain's name.
    static const QRegularExpression phrase(
        uR"((?<![\w&])((?:[\p{Lu}\d]|\p{Ll}{1,3}\p{Lu})[\w'’.\-]*(?:[ ]+(?:[\p{Lu}\d&][\w'’.\-]*|&)){0,3}))"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    for (qsizetype r = 0; r < std::min<qsizetype>(ranked.size(), 3); ++r) {
        QString shouting;
        const QString& name = ranked.at(r).second;
        const QString wanted = squeeze(name);
        auto it = phrase.globalMatch(text);
        while (it.hasNext()) {
            const QStringList words = it.next().captured(1).split(u' ', Qt::SkipEmptyParts);
            // Every run of consecutive words inside the phrase.
            for (qsizetype from = 0; from < words.size(); ++from) {
                for (qsizetype to = from; to < words.size(); ++to) {
                    const QString candidate = words.mid(from, to - from + 1).join(u' ');
                    const QString squeezed = squeeze(candidate);
                    if (squeezed == wanted || squeezed == u"the"_s + wanted) {
                        QString result = candidate;
                        while (!result.isEmpty() && (result.endsWith(u'.') || result.endsWith(u'\'')))
                            result.chop(1);
                        // "PAYPAL *SHOP" on a statement line: keep looking for how the text writes the name.
                        if (result != result.toUpper())
                            return result;
                        if (shouting.isEmpty())
                            shouting = result;
                    }
                    if (squeezed.size() > wanted.size() + 3)
                        break;
                }
            }
        }
        if (!shouting.isEmpty())
            return shouting;
    }
    QString label = ranked.first().second;
    label[0] = label.at(0).toUpper();
    return label;
}

QString MerchantGuess::forwardedSender(const ParsedEmail& email, const QString& text)
{
    static const QRegularExpression forwardSubject(uR"(^\s*(?i:fwd?|wg|tr|rv|i|doorst|vs)\s*:)"_s);
    if (!forwardSubject.match(email.subject).hasMatch())
        return {};
    // The last quoted header block names the original sender: "Von: Shop <shop@x.com>", "From: Shop [mailto:…]".
    static const QRegularExpression fromLine(
        uR"re((?m)^[>\s]*(?:From|Von|De|Da|Van|Från|Fra)\s*:\s*"?([^"<\[\n]*?)"?\s*[<\[](?:mailto:)?([^>\]\s]+@[^>\]\s]+)[>\]])re"_s);
    auto it = fromLine.globalMatch(text);
    QString found;
    while (it.hasNext()) {
        const auto match = it.next();
        const QString name = fromSender(match.captured(1), match.captured(2).toLower());
        if (!name.isEmpty())
            found = name;
    }
    return found;
}

QString MerchantGuess::guess(const ParsedEmail& email, const QString& text)
{
    static const QRegularExpression forwardPrefix(uR"(^(?:\s*(?i:fwd?|wg|aw|re|tr|rv|sv|vs|i)\s*:\s*)+)"_s);
    QString subject = email.subject;
    subject.remove(forwardPrefix);
    QString merchant = fromText(subject);
    if (merchant.isEmpty())
        merchant = fromText(text.left(8000));
    if (merchant.isEmpty())
        merchant = forwardedSender(email, text);
    if (merchant.isEmpty())
        merchant = clean(email.fromName);
    if (merchant.isEmpty() || merchant.contains(u'@'))
        merchant = fromDomains(text, email.htmlBody, email.fromAddress);
    if (merchant.isEmpty())
        merchant = payeeFromText(subject);
    if (merchant.isEmpty())
        merchant = payeeFromText(text.left(8000));
    if (merchant.isEmpty())
        merchant = fromFooter(text);
    if (merchant.isEmpty() && !email.htmlBody.isEmpty()) {
        const QString title = clean(HtmlText::title(email.htmlBody));
        if (!title.contains(u"*|"_s) && !title.contains(u"{{"_s) && !title.contains(u"%%"_s))
            merchant = title;
    }
    return merchant;
}

} // namespace Moniagent::MailParsing
