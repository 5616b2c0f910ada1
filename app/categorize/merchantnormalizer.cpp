#include "merchantnormalizer.h"

#include <QHash>
#include <QList>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <initializer_list>

namespace Moniagent {

namespace {

// ---- Folding ----

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

void appendAsciiLower(QString& out, QChar c)
{
    const char16_t u = c.unicode();
    out.append(u >= u'A' && u <= u'Z' ? QChar(char16_t(u + 32)) : c);
}

// Letters that neither decompose nor case-fold to plain Latin letters.
QStringView specialFold(char16_t c)
{
    switch (c) {
    case 0x00DF: // ß
    case 0x1E9E: // ẞ
        return u"ss";
    case 0x00E6: // æ
    case 0x00C6: // Æ
        return u"ae";
    case 0x0153: // œ
    case 0x0152: // Œ
        return u"oe";
    case 0x00F8: // ø
    case 0x00D8: // Ø
        return u"o";
    case 0x0142: // ł
    case 0x0141: // Ł
        return u"l";
    case 0x0111: // đ
    case 0x0110: // Đ
    case 0x00F0: // ð
    case 0x00D0: // Ð
        return u"d";
    case 0x00FE: // þ
    case 0x00DE: // Þ
        return u"th";
    case 0x0131: // dotless ı
        return u"i";
    default:
        return {};
    }
}

// ---- Word tables ----

enum WordFlag : quint32
{
    Month = 1u << 0, // next to a day or year number it is part of a date
    Tld = 1u << 1, // after a dot: the end of a web address
    Legal = 1u << 2, // legal form: the name ends before it
    Country = 1u << 3, // stripped at the end
    Currency = 1u << 4, // next to an amount, or at the end
    NumberLabel = 1u << 5, // "store 0042", "ref 1234": dropped when a number follows
    ValueLabel = 1u << 6, // "ref:", "nr:1234": the label and a value in the same chunk are dropped
    NameLabel = 1u << 7, // "de:", "pour:": the label is dropped, the name after it kept
    DatePrep = 1u << 8, // "on 12 mar", "le 12/03": dropped before a date
    ProcessorStar = 1u << 9, // "SQ *", "PP*": a payment processor when a star follows
    ProcessorAlways = 1u << 10, // "Yoco", "Zapper": a payment processor at the start
    TrailingNoise = 1u << 11, // "(Card )" at the end
    AmazonTail = 1u << 12, // "AMZN Mktp", "Amazon.co.uk": words after "amazon" that name no store
    TimeSuffix = 1u << 13, // "pm" after a time
};

const QHash<QStringView, quint32>& wordFlags()
{
    static const QHash<QStringView, quint32> table = [] {
        QHash<QStringView, quint32> t;
        const auto add = [&t](quint32 flag, std::initializer_list<QStringView> words) {
            for (const QStringView word : words)
                t[word] |= flag;
        };
        add(Month, {u"jan",       u"january",  u"feb",      u"february", u"mar",      u"march",     u"apr",
                    u"april",     u"may",      u"jun",      u"june",     u"jul",      u"july",      u"aug",
                    u"august",    u"sep",      u"sept",     u"september", u"oct",     u"october",   u"nov",
                    u"november",  u"dec",      u"december", u"janv",     u"janvier",  u"fev",       u"fevr",
                    u"fevrier",   u"mars",     u"avr",      u"avril",    u"mai",      u"juin",      u"juil",
                    u"juillet",   u"aout",     u"septembre", u"octobre", u"novembre", u"decembre",  u"januar",
                    u"februar",   u"marz",     u"maerz",    u"mrz",      u"juni",     u"juli",      u"okt",
                    u"oktober",   u"dez",      u"dezember", u"ene",      u"enero",    u"febrero",   u"marzo",
                    u"abr",       u"abril",    u"mayo",     u"junio",    u"julio",    u"ago",       u"agosto",
                    u"septiembre", u"setiembre", u"octubre", u"noviembre", u"dic",    u"diciembre", u"januari",
                    u"februari",  u"maart",    u"mrt",      u"mei",      u"augustus"});
        add(Tld, {u"com", u"net", u"org", u"co", u"uk", u"de", u"fr", u"nl", u"es", u"be", u"it", u"io",
                  u"eu",  u"za",  u"info", u"biz", u"app", u"shop", u"online", u"tv", u"us", u"ca", u"au", u"ch",
                  u"at",  u"ie",  u"lu", u"pt", u"se", u"dk", u"no", u"fi", u"pl", u"gov", u"edu"});
        add(Legal, {u"pty",  u"ltd",  u"limited", u"gmbh", u"mbh", u"sarl", u"sas",  u"sasu", u"eurl", u"inc",
                    u"incorporated", u"llc", u"llp", u"bv", u"nv", u"sa", u"ag", u"kg", u"ohg", u"plc", u"srl",
                    u"sl",   u"slu",  u"sau",  u"sca",  u"cie",  u"corp", u"bvba", u"vof", u"ltda", u"pte",
                    u"cc",   u"ug"});
        add(Country, {u"gb",  u"uk",  u"fr",  u"de",  u"za",  u"us",  u"usa", u"nl",  u"es",  u"be",  u"ch",
                      u"ie",  u"lu",  u"pt",  u"au",  u"nz",  u"se",  u"dk",  u"fi",  u"pl",  u"cz",  u"gr",
                      u"at",  u"gbr", u"fra", u"deu", u"ger", u"zaf", u"rsa", u"nld", u"esp", u"bel", u"che",
                      u"irl", u"lux", u"prt", u"aut", u"ita", u"aus", u"swe", u"dnk", u"nor", u"fin", u"pol",
                      u"gtza",
                      // US states, as in "SEATTLE WA" (those that are also common words are left out)
                      u"al",  u"ak",  u"az",  u"ar",  u"ca",  u"ct",  u"dc",  u"fl",  u"ga",  u"ia",  u"il",
                      u"ks",  u"ky",  u"md",  u"mi",  u"mn",  u"ms",  u"mt",  u"nc",  u"nd",  u"nh",  u"nj",
                      u"nm",  u"nv",  u"ny",  u"pa",  u"ri",  u"sc",  u"tn",  u"tx",  u"ut",  u"va",  u"vt",
                      u"wa",  u"wi",  u"wv",  u"wy"});
        add(Currency, {u"eur", u"usd", u"gbp", u"zar", u"chf", u"cad", u"aud", u"sek", u"nok", u"dkk", u"pln"});
        add(NumberLabel, {u"ref",   u"reference", u"no",    u"nr",      u"nro",     u"num",    u"numero",
                          u"store", u"str",       u"filiale", u"fil",   u"magasin", u"mag",    u"bq",
                          u"cpt",   u"card",      u"pas",   u"pasnr",   u"kasse",   u"caisse", u"terminal",
                          u"term",  u"tid",       u"id",    u"trx",     u"txn",     u"tran",   u"auth",
                          u"invoice", u"facture", u"rechnung", u"factura", u"ech", u"pedido", u"kto", u"konto",
                          u"blz",   u"iban",      u"mandat", u"mandate", u"order",  u"commande", u"bestellung",
                          u"device", u"branch"});
        add(ValueLabel, {u"ref",  u"reference", u"nr", u"no",   u"id",   u"date",   u"datum", u"fecha",
                         u"tran", u"device",    u"branch", u"bq", u"cpt", u"iban", u"bic",   u"mandat",
                         u"mandate", u"kenmerk", u"machtiging", u"term", u"terminal", u"pasnr", u"auth"});
        add(NameLabel, {u"de",      u"pour",   u"motif",     u"from",        u"to",      u"naam",     u"name",
                        u"payee",   u"beneficiary", u"beneficiaire", u"auftraggeber", u"empfanger", u"glaubiger",
                        u"betreff", u"verwendungszweck", u"concepto", u"beneficiario", u"ordenante",
                        u"omschrijving", u"libelle"});
        add(DatePrep, {u"on", u"le", u"am", u"du", u"el", u"op", u"at", u"vom", u"del", u"dated"});
        add(ProcessorStar, {u"sq",  u"sp",  u"pp",   u"paypal", u"tst", u"c",      u"ik",   u"ikh", u"wd",
                            u"hpy", u"iz",  u"ztl",  u"cko",    u"apl", u"fs",     u"pwp",  u"ppl", u"sumup",
                            u"google", u"gglpay", u"zettle", u"dnh", u"eig"});
        add(ProcessorAlways, {u"yoco", u"zapper", u"snapscan", u"payfast", u"dashpay", u"izettle", u"payd"});
        add(TrailingNoise, {u"card", u"pos", u"visa", u"mastercard", u"maestro", u"contactless"});
        add(AmazonTail, {u"mktp", u"mktplace", u"marketplace", u"mkp", u"amzn", u"amazon", u"com", u"co", u"uk",
                         u"de", u"fr", u"es", u"it", u"nl", u"us", u"eu", u"services", u"payments", u"retail"});
        add(TimeSuffix, {u"am", u"pm", u"h", u"hr", u"uhr"});
        return t;
    }();
    return table;
}

quint32 flagsOf(QStringView word)
{
    return wordFlags().value(word, 0);
}

// Word sequences, looked up by their first word (leading and anywhere noise) or their last (cities).
struct Phrase
{
    std::array<QStringView, 6> words;
    int size = 0;
};

class PhraseTable
{
public:
    PhraseTable(std::initializer_list<QStringView> phrases, bool byLastWord)
        : m_byLastWord(byLastWord)
    {
        for (const QStringView text : phrases) {
            Phrase phrase;
            for (const QStringView word : text.tokenize(u' ', Qt::SkipEmptyParts)) {
                Q_ASSERT(phrase.size < int(phrase.words.size()));
                phrase.words[phrase.size++] = word;
            }
            auto& list = m_phrases[byLastWord ? phrase.words[phrase.size - 1] : phrase.words[0]];
            list.append(phrase);
            // Longest first, so "vir europeen emis" wins over "vir".
            std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) { return a.size > b.size; });
        }
    }

    // The longest phrase among `words` that starts (or, by last word, ends) at `index`; its word count or 0.
    int match(const QVarLengthArray<QStringView, 48>& words, qsizetype index) const
    {
        const auto it = m_phrases.constFind(words[index]);
        if (it == m_phrases.constEnd())
            return 0;
        for (const Phrase& phrase : *it) {
            const qsizetype first = m_byLastWord ? index - phrase.size + 1 : index;
            if (first < 0 || first + phrase.size > words.size())
                continue;
            bool same = true;
            for (int k = 0; k < phrase.size && same; ++k)
                same = words[first + k] == phrase.words[k];
            if (same)
                return phrase.size;
        }
        return 0;
    }

private:
    QHash<QStringView, QList<Phrase>> m_phrases;
    bool m_byLastWord;
};

// Payment-method words that come before the store name. Removed again and again from the start.
const PhraseTable& leadingNoise()
{
    static const PhraseTable table(
        {// English (UK, US, South Africa)
         u"pos purchase", u"pos", u"pos debit", u"pos transaction", u"point of sale", u"card purchase",
         u"card payment", u"card payment to", u"debit card purchase", u"debit card", u"purchase authorized on",
         u"purchase authorised on", u"fuel purchase", u"online purchase", u"recurring card purchase",
         u"international online purchase", u"overseas purchase", u"contactless", u"contactless payment",
         u"checkcard", u"check card", u"visa purchase", u"visa debit", u"visa", u"vis", u"deb", u"mastercard",
         u"maestro", u"debit order", u"debit order payment", u"eft debit order payment",
         u"naedo debit order payment", u"internal debit order", u"debicheck payment", u"debicheck",
         u"internal d o", u"magtape debit", u"magtape credit", u"direct debit", u"direct debit to",
         u"direct debit payment to", u"dd", u"so", u"standing order", u"standing order to", u"faster payment",
         u"faster payment to", u"fpo", u"fpi", u"bgc", u"bill payment", u"bill payment to", u"rtc express pmt to",
         u"rtc pmt to", u"fnb app rtc pmt to", u"fnb app payment to", u"banking app payment", u"app payment",
         u"internet pmt to", u"payment to", u"ach debit", u"ach", u"recurring payment", u"online payment",
         u"apple pay", u"google pay", u"samsung pay", u"effec", u"digital payment dt",
         // French
         u"carte", u"cb", u"achat cb", u"achat carte", u"paiement cb", u"paiement par carte", u"paiement carte",
         u"facture carte", u"facture carte du", u"prlv", u"prlv sepa", u"prelevement", u"prelevement sepa",
         u"prelevement europeen", u"vir", u"vir sepa", u"vir recu", u"vir emis", u"vir inst", u"vir inst rec",
         u"vir inst emis", u"vir perm", u"vir europeen emis", u"vir europeen recu", u"vir sepa recu",
         u"vir sepa emis", u"virement", u"virement sepa", u"virement recu", u"virement emis",
         u"virement instantane", u"rembt", u"sans contact", u"paiement sans contact",
         // German ("SEPA-Lastschrift" arrives joined: "sepalastschrift")
         u"kartenzahlung", u"eckartenzahlung", u"ec kartenzahlung", u"visakartenzahlung", u"girocard", u"ec",
         u"lastschrift", u"sepalastschrift", u"sepa lastschrift", u"sepabasislastschrift", u"basislastschrift",
         u"folgelastschrift", u"erstlastschrift", u"uberweisung", u"uberweisung an", u"sepauberweisung",
         u"sepa uberweisung", u"dauerauftrag", u"kauf", u"kartenkauf", u"abbuchung", u"zahlung an",
         // Spanish
         u"compra", u"compra tarj", u"compra tarjeta", u"compra con tarjeta", u"compra en", u"compra tarj en",
         u"pago con tarjeta", u"pago con tarjeta en", u"pago en", u"pago movil en", u"tarjeta", u"tarj", u"recibo",
         u"adeudo", u"adeudo recibo", u"adeudo de", u"cargo tarjeta", u"transferencia", u"transferencia a",
         u"transferencia a favor de", u"devolucion tarjeta", u"domiciliacion",
         // Dutch
         u"bea", u"betaalautomaat", u"gea", u"pinbetaling", u"ideal", u"sepa incasso",
         u"sepa incasso algemeen doorlopend", u"incasso", u"incasso algemeen doorlopend", u"overboeking", u"overboeking naar",
         u"sepa overboeking", u"betaalpas",
         // Everywhere
         u"sepa"},
        false);
    return table;
}

// Payment-method words that carry nothing wherever they stand.
const PhraseTable& anywhereNoise()
{
    static const PhraseTable table({u"card no", u"commerce electronique", u"contactless", u"apple pay",
                                    u"google pay", u"samsung pay", u"kartenzahlung", u"girocard", u"effec",
                                    u"sans contact", u"paiement sans contact", u"nfc", u"debit card", u"pos merchandise",
                                    u"id emetteur", u"id creancier", u"contactless payment"},
                                   false);
    return table;
}

// Big cities, stripped at the end of a line (after a country code) when a name is left before them.
const PhraseTable& trailingCities()
{
    static const PhraseTable table(
        {u"london",      u"manchester", u"birmingham", u"leeds",     u"glasgow",   u"edinburgh",  u"liverpool",
         u"bristol",     u"cardiff",    u"belfast",    u"dublin",    u"paris",     u"lyon",       u"marseille",
         u"toulouse",    u"nantes",     u"strasbourg", u"bordeaux",  u"lille",     u"berlin",     u"hamburg",
         u"munchen",     u"muenchen",   u"munich",     u"koln",      u"koeln",     u"cologne",    u"frankfurt",
         u"frankfurt am main", u"stuttgart", u"dusseldorf", u"duesseldorf", u"leipzig", u"dresden", u"wien",
         u"vienna",      u"zurich",     u"geneve",     u"geneva",    u"bern",      u"basel",      u"amsterdam",
         u"rotterdam",   u"den haag",   u"utrecht",    u"eindhoven", u"brussel",   u"bruxelles",  u"brussels",
         u"antwerpen",   u"gent",       u"luxembourg", u"madrid",    u"barcelona", u"valencia",   u"sevilla",
         u"malaga",      u"bilbao",     u"lisboa",     u"lisbon",    u"porto",     u"roma",       u"rome",
         u"milano",      u"milan",      u"stockholm",  u"copenhagen", u"kobenhavn", u"oslo",      u"helsinki",
         u"new york",    u"nyc",        u"los angeles", u"san francisco", u"chicago", u"seattle",  u"boston",
         u"houston",     u"austin",     u"dallas",     u"miami",     u"atlanta",   u"denver",     u"las vegas",
         u"washington",  u"san jose",   u"san diego",  u"mountain view", u"sunnyvale", u"toronto", u"vancouver",
         u"montreal",    u"sydney",     u"melbourne",  u"johannesburg", u"cape town", u"capetown", u"durban",
         u"pretoria",    u"sandton",    u"midrand",    u"centurion", u"randburg",  u"bloemfontein",
         u"port elizabeth", u"gqeberha"},
        true);
    return table;
}

// ---- Tokens ----

enum class Kind : quint8
{
    Word,
    Number, // digits only: amounts, store and reference numbers
    Date, // dates and times
    Code, // card masks, references mixing letters and digits
    Star, // "*": payment processors ("SQ *SHOP") and truncation marks
};

struct Token
{
    QStringView text;
    Kind kind = Kind::Word;
    bool removed = false;
};

using Tokens = QVarLengthArray<Token, 48>;

bool isOrdinalSuffix(QStringView s)
{
    return s == u"st" || s == u"nd" || s == u"rd" || s == u"th" || s == u"e" || s == u"er" || s == u"eme"
        || s == u"ieme" || s == u"de" || s == u"te" || s == u"ste";
}

bool allX(QStringView s)
{
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c == u'x'; });
}

// A run of letters and digits: a word, a number, or a code to drop.
void classifyPiece(QStringView piece, Tokens& out)
{
    // Runs of letters and of digits, e.g. "elior43426arist1" -> elior | 43426 | arist | 1.
    std::array<QStringView, 2> runs; // the first two
    int runCount = 0;
    const bool firstIsDigit = piece.front().isDigit();
    qsizetype start = 0;
    for (qsizetype i = 1; i <= piece.size(); ++i) {
        if (i == piece.size() || piece[i].isDigit() != piece[i - 1].isDigit()) {
            if (runCount < int(runs.size()))
                runs[runCount] = piece.sliced(start, i - start);
            ++runCount;
            start = i;
        }
    }
    if (runCount == 1) {
        if (!firstIsDigit)
            out.append({piece, Kind::Word});
        else
            out.append({piece, Kind::Number});
        return;
    }
    if (firstIsDigit) {
        const QStringView digits = runs[0];
        const QStringView word = runs[1];
        const quint32 flags = flagsOf(word);
        if (runCount == 2 && digits.size() <= 3 && isOrdinalSuffix(word)) // "4th", "1er"
            out.append({piece, Kind::Word});
        else if (runCount <= 3 && ((flags & (Month | TimeSuffix)) != 0)) // "12jan21", "10h07", "6pm"
            out.append({piece, Kind::Date});
        else if (runCount == 2 && digits.size() <= 2 && word.size() >= 3) // "7eleven" (from "7-Eleven")
            out.append({piece, Kind::Word});
        else
            out.append({piece, Kind::Code});
        return;
    }
    const QStringView word = runs[0];
    const QStringView digits = runs[1];
    if (runCount == 2) {
        if ((flagsOf(word) & Month) && (digits.size() <= 2 || digits.size() == 4)) // "jan21", "oct2021"
            out.append({piece, Kind::Date});
        else if (allX(word) && digits.size() >= 3) // card mask "x9471"
            out.append({piece, Kind::Code});
        else if (piece.size() <= 3 && digits.size() == 1) // "o2", "e4"
            out.append({piece, Kind::Word});
        else if (digits.size() == 1 && word.size() >= 2) // "zapper1", truncated "centr5"
            out.append({word, Kind::Word});
        else if (word.size() >= 3 && digits.size() >= 3) // "dcre603971": keep the name part
            out.append({word, Kind::Word}), out.append({digits, Kind::Code});
        else
            out.append({piece, Kind::Code});
        return;
    }
    if (allX(word) && digits.size() >= 2) // "xxxx1234xx"
        out.append({piece, Kind::Code});
    else if (word.size() >= 3 && digits.size() >= 3) // "elior43426arist1"
        out.append({word, Kind::Word}), out.append({piece.sliced(word.size()), Kind::Code});
    else if (piece.size() <= 4 && runCount == 3) // "o16n", "b2b"
        out.append({piece, Kind::Word});
    else
        out.append({piece, Kind::Code});
}

// Characters that may stand inside a chunk ("apple.com/bill", "16/12", "#1234", "r&m"); every other
// non-alphanumeric character (spaces, brackets, commas, quotes…) separates chunks. '*' is a token of its own.
bool isInnerPunctuation(QChar c)
{
    switch (c.unicode()) {
    case u'.':
    case u'/':
    case u'-':
    case u'&':
    case u'+':
    case u'_':
    case u'@':
    case u'#':
    case u':':
    case u'%':
    case u'$':
        return true;
    default:
        return false;
    }
}

struct Piece
{
    QStringView text;
    QChar before; // the punctuation before it inside the chunk, or 0
    QChar after;
};

void lexChunk(QStringView chunk, Tokens& out)
{
    bool hasLetter = false;
    bool hasDigit = false;
    int separators = 0;
    bool slashOrColon = false;
    for (const QChar c : chunk) {
        if (c.isDigit())
            hasDigit = true;
        else if (c.isLetterOrNumber())
            hasLetter = true;
        else {
            ++separators;
            slashOrColon = slashOrColon || c == u'/' || c == u':';
        }
    }
    if (!hasLetter) {
        // "16/12", "2021-04-03", "14:32", "109.99", "#1234", "0075949776-014"
        if (hasDigit)
            out.append({chunk, slashOrColon || separators >= 2 ? Kind::Date : Kind::Number});
        return;
    }

    QVarLengthArray<Piece, 12> pieces;
    for (qsizetype i = 0; i < chunk.size();) {
        QChar before;
        while (i < chunk.size() && !chunk[i].isLetterOrNumber())
            before = chunk[i++];
        if (i >= chunk.size())
            break;
        qsizetype j = i;
        while (j < chunk.size() && chunk[j].isLetterOrNumber())
            ++j;
        pieces.append({chunk.sliced(i, j - i), before, j < chunk.size() ? chunk[j] : QChar()});
        i = j;
    }
    if (pieces.isEmpty())
        return;

    // "ref:", "de:" and "nr:1234": a field label; some banks write "/DE LA POSTE /MOTIF …".
    qsizetype first = 0;
    if (pieces[0].after == u':' || (chunk.front() == u'/' && pieces[0].before == u'/')) {
        const quint32 flags = flagsOf(pieces[0].text);
        if (flags & ValueLabel)
            return; // the label and whatever value is glued to it
        if (flags & NameLabel)
            first = 1; // "de:solystic": the name stays
    }
    // A web address keeps only the name before its top-level domain: "help.uber.com/x" -> "uber",
    // "amazon.co.uk" -> "amazon"; "www." and "https://" go.
    for (qsizetype k = first + 1; k < pieces.size(); ++k) {
        if (pieces[k].before == u'.' && (flagsOf(pieces[k].text) & Tld)) {
            classifyPiece(pieces[k - 1].text, out);
            return;
        }
    }
    for (qsizetype k = first; k < pieces.size(); ++k) {
        const Piece& piece = pieces[k];
        if (k == first && pieces.size() > k + 1
            && ((piece.text == u"www" && piece.after == u'.')
                || ((piece.text == u"http" || piece.text == u"https") && piece.after == u':')))
            continue;
        // "T-1234", "st#0042": a store number with a letter prefix
        if (piece.text.size() <= 2 && (piece.after == u'-' || piece.after == u'#') && k + 1 < pieces.size()
            && pieces[k + 1].text.front().isDigit() && !piece.text.front().isDigit())
            continue;
        classifyPiece(piece.text, out);
    }
}

// Folds for normalize(): also drops apostrophes ("mcdonald's" -> "mcdonalds"), joins dotted initials
// ("s.a.r.l." -> "sarl") and hyphenated words ("dis-chem" -> "dischem", "e-bay" -> "ebay", "7-eleven").
QString foldForNormalize(QStringView raw)
{
    QString text = MerchantNormalizer::fold(raw);
    QChar* data = text.data();
    const qsizetype n = text.size();
    qsizetype w = 0;
    const auto isApostrophe = [](QChar c) {
        return c == u'\'' || c == u'`' || c == QChar(0x2019) || c == QChar(0x2018) || c == QChar(0x02BC);
    };
    const auto letterAt = [&](qsizetype i) { return i >= 0 && i < n && data[i].isLetter(); };
    const auto alnumAt = [&](qsizetype i) { return i >= 0 && i < n && data[i].isLetterOrNumber(); };
    for (qsizetype r = 0; r < n;) {
        const QChar c = data[r];
        if (isApostrophe(c)) {
            ++r;
            continue;
        }
        // Dotted initials: single letters each followed by a dot, at least two of them.
        if (c.isLetter() && !alnumAt(r - 1) && r + 2 < n && data[r + 1] == u'.' && letterAt(r + 2)
            && !alnumAt(r + 3)) {
            while (r < n && data[r].isLetter() && !alnumAt(r + 1)) {
                data[w++] = data[r];
                if (r + 1 < n && data[r + 1] == u'.')
                    r += 2;
                else {
                    ++r;
                    break;
                }
            }
            continue;
        }
        if (c == u'-' && w > 0 && letterAt(r + 1)) {
            // "dis-chem" -> "dischem"; "7-eleven" -> "7eleven" (a number of one or two digits starting a word)
            const bool afterLetter = data[w - 1].isLetter();
            const bool afterShortNumber = data[w - 1].isDigit()
                && (w < 2 || !data[w - 2].isLetterOrNumber()
                    || (data[w - 2].isDigit() && (w < 3 || !data[w - 3].isLetterOrNumber())));
            if (afterLetter || afterShortNumber) {
                ++r;
                continue;
            }
        }
        data[w++] = c;
        ++r;
    }
    text.truncate(w);
    return text;
}

void lex(QStringView text, Tokens& out)
{
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text[i];
        if (c == u'*') {
            if (out.isEmpty() || out.back().kind != Kind::Star)
                out.append({text.sliced(i, 1), Kind::Star});
            ++i;
            continue;
        }
        if (!c.isLetterOrNumber() && !isInnerPunctuation(c)) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < text.size() && text[j] != u'*' && (text[j].isLetterOrNumber() || isInnerPunctuation(text[j])))
            ++j;
        lexChunk(text.sliced(i, j - i), out);
        i = j;
    }
}

// Index of the next / previous token not removed, or -1.
qsizetype nextLive(const Tokens& tokens, qsizetype i)
{
    for (++i; i < tokens.size(); ++i)
        if (!tokens[i].removed)
            return i;
    return -1;
}

qsizetype previousLive(const Tokens& tokens, qsizetype i)
{
    for (--i; i >= 0; --i)
        if (!tokens[i].removed)
            return i;
    return -1;
}

bool isNumeric(const Token& token)
{
    return token.kind == Kind::Number || token.kind == Kind::Date || token.kind == Kind::Code;
}

// A day ("07"), or a year ("2021"), next to a month name.
bool isDayOrYear(const Token& token)
{
    return token.kind == Kind::Date
        || (token.kind == Kind::Number && (token.text.size() <= 2 || token.text.size() == 4));
}

// The live words, in order, with their token indexes.
struct Words
{
    QVarLengthArray<QStringView, 48> text;
    QVarLengthArray<qsizetype, 48> token;
};

Words liveWords(const Tokens& tokens)
{
    Words words;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].removed && tokens[i].kind == Kind::Word) {
            words.text.append(tokens[i].text);
            words.token.append(i);
        }
    }
    return words;
}

// Removes `count` words starting at word `first` (and nothing between them).
void removeWords(Tokens& tokens, const Words& words, qsizetype first, int count)
{
    for (int k = 0; k < count; ++k)
        tokens[words.token[first + k]].removed = true;
}

void markDates(Tokens& tokens)
{
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        Token& token = tokens[i];
        if (token.kind != Kind::Word)
            continue;
        const quint32 flags = flagsOf(token.text);
        if (!(flags & (Month | TimeSuffix | Currency)))
            continue;
        const qsizetype before = previousLive(tokens, i);
        const qsizetype after = nextLive(tokens, i);
        if (flags & Month) {
            // "07 Oct", "Oct 07", "novembre 2021"
            if (before >= 0 && isDayOrYear(tokens[before])) {
                token.kind = Kind::Date;
                tokens[before].kind = Kind::Date;
            } else if (after >= 0 && isDayOrYear(tokens[after])) {
                token.kind = Kind::Date;
                tokens[after].kind = Kind::Date;
            }
        }
        if (token.kind == Kind::Word && (flags & TimeSuffix) && before >= 0
            && (tokens[before].kind == Kind::Date || tokens[before].kind == Kind::Number)
            && (token.text == u"am" || token.text == u"pm" || token.text == u"uhr")) // "06:50 PM", "10 Uhr"
            token.kind = Kind::Date;
        if (token.kind == Kind::Word && (flags & Currency)
            && ((before >= 0 && tokens[before].kind == Kind::Number)
                || (after >= 0 && tokens[after].kind == Kind::Number))) // "EUR 35,00"
            token.kind = Kind::Code;
    }
}

void removeLeadingNoise(Tokens& tokens)
{
    for (;;) {
        qsizetype i = nextLive(tokens, -1);
        // Numbers, dates and stars before the name: "CARTE X9471 16/12 …"
        while (i >= 0 && tokens[i].kind != Kind::Word) {
            tokens[i].removed = true;
            i = nextLive(tokens, i);
        }
        if (i < 0)
            return;
        const Words words = liveWords(tokens);
        if (const int count = leadingNoise().match(words.text, 0); count > 0) {
            removeWords(tokens, words, 0, count);
            continue;
        }
        const quint32 flags = flagsOf(words.text[0]);
        const qsizetype after = nextLive(tokens, i);
        if ((flags & ProcessorStar) && after >= 0 && tokens[after].kind == Kind::Star) { // "SQ *", "PAYPAL *"
            tokens[i].removed = true;
            tokens[after].removed = true;
            continue;
        }
        if ((flags & ProcessorAlways) && words.text.size() > 1) { // "Yoco *Boba", "Snapscan Bootlegger"
            tokens[i].removed = true;
            continue;
        }
        return;
    }
}

void normalizeAmazon(Tokens& tokens)
{
    const qsizetype first = nextLive(tokens, -1);
    if (first < 0 || tokens[first].kind != Kind::Word)
        return;
    if (tokens[first].text == u"amzn")
        tokens[first].text = u"amazon";
    if (tokens[first].text != u"amazon")
        return;
    // "AMZN Mktp US*2K3LL1XY0 AMZN.COM/BILL" -> "amazon"; "Amazon Prime*AB12" keeps "prime".
    for (qsizetype i = first + 1; i < tokens.size(); ++i)
        if (!tokens[i].removed && tokens[i].kind == Kind::Word && (flagsOf(tokens[i].text) & AmazonTail))
            tokens[i].removed = true;
}

// "store 0042", "ref 1234", "on 12 mar", "le 12/03": a label or preposition before a number or date.
void removeLabels(Tokens& tokens)
{
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (tokens[i].removed || tokens[i].kind != Kind::Word)
            continue;
        const qsizetype after = nextLive(tokens, i);
        if (after < 0)
            break;
        const quint32 flags = flagsOf(tokens[i].text);
        if (((flags & NumberLabel) && isNumeric(tokens[after]))
            || ((flags & DatePrep) && tokens[after].kind == Kind::Date))
            tokens[i].removed = true;
    }
}

void removeAnywhereNoise(Tokens& tokens)
{
    const Words words = liveWords(tokens);
    for (qsizetype w = 0; w < words.text.size(); ++w) {
        if (const int count = anywhereNoise().match(words.text, w); count > 0) {
            removeWords(tokens, words, w, count);
            w += count - 1;
        }
    }
}

// The name ends at its legal form: "DJS BILTONG (PTY) LTD NORKE" -> "djs biltong".
void cutAtLegalForm(Tokens& tokens)
{
    const Words words = liveWords(tokens);
    for (qsizetype w = 1; w < words.text.size(); ++w) {
        if (!(flagsOf(words.text[w]) & Legal))
            continue;
        for (qsizetype i = words.token[w]; i < tokens.size(); ++i)
            tokens[i].removed = true;
        if (w >= 2 && words.text[w] == u"cie" && (words.text[w - 1] == u"et" || words.text[w - 1] == u"and"))
            tokens[words.token[w - 1]].removed = true;
        return;
    }
}

// Each word once: "SOLYSTIC REF: SOLYSTIC SAS" -> "solystic", "Lotto Winnings Lotto Winnings" -> "lotto winnings".
void removeRepeatedWords(Tokens& tokens)
{
    QVarLengthArray<QStringView, 48> seen;
    for (Token& token : tokens) {
        if (token.removed || token.kind != Kind::Word)
            continue;
        if (seen.contains(token.text))
            token.removed = true;
        else
            seen.append(token.text);
    }
}

void removeTrailingNoise(Tokens& tokens)
{
    for (;;) {
        const Words words = liveWords(tokens);
        const qsizetype last = words.text.size() - 1;
        if (last < 1)
            return;
        const quint32 flags = flagsOf(words.text[last]);
        if (flags & (TrailingNoise | Country | Currency | Month)) {
            tokens[words.token[last]].removed = true;
            continue;
        }
        if (const int count = trailingCities().match(words.text, last);
            count > 0 && count <= last) {
            removeWords(tokens, words, last - count + 1, count);
            continue;
        }
        return;
    }
}

} // namespace

QString MerchantNormalizer::fold(QStringView text)
{
    QString out;
    if (isAscii(text)) {
        out.reserve(text.size());
        for (const QChar c : text)
            appendAsciiLower(out, c);
        return out;
    }
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    out.reserve(decomposed.size());
    for (qsizetype i = 0; i < decomposed.size(); ++i) {
        const QChar c = decomposed[i];
        if (c.unicode() < 0x80) {
            appendAsciiLower(out, c);
            continue;
        }
        if (c.isHighSurrogate() && i + 1 < decomposed.size() && decomposed[i + 1].isLowSurrogate()) {
            const char32_t ucs4 = QChar::surrogateToUcs4(c, decomposed[i + 1]);
            ++i;
            if (QChar::category(ucs4) != QChar::Mark_NonSpacing)
                out.append(QChar::fromUcs4(QChar::toCaseFolded(ucs4)));
            continue;
        }
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing)
            continue;
        if (const QStringView special = specialFold(c.unicode()); !special.isEmpty())
            out.append(special);
        else
            out.append(c.toCaseFolded());
    }
    return out;
}

QString MerchantNormalizer::normalize(QStringView raw)
{
    const QString folded = foldForNormalize(raw);
    Tokens tokens;
    lex(folded, tokens);
    // The order keeps normalize() idempotent (normalize(normalize(x)) == normalize(x)), which learned
    // exact-match rules rely on: their pattern is a merchant key.
    markDates(tokens);
    removeLeadingNoise(tokens);
    removeLabels(tokens);
    removeAnywhereNoise(tokens);
    removeLeadingNoise(tokens); // again: what the last two steps removed may have uncovered more
    normalizeAmazon(tokens);
    cutAtLegalForm(tokens);
    removeRepeatedWords(tokens);
    removeTrailingNoise(tokens);

    QString out;
    out.reserve(folded.size());
    for (const Token& token : tokens) {
        if (token.removed || token.kind != Kind::Word)
            continue;
        if (!out.isEmpty())
            out.append(u' ');
        out.append(token.text);
    }
    return out;
}

QStringList MerchantNormalizer::words(QStringView normalized)
{
    QStringList out;
    for (const auto word : normalized.tokenize(u' ', Qt::SkipEmptyParts))
        out.append(word.toString());
    return out;
}

} // namespace Moniagent
