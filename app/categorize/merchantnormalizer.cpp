#include "merchantnormalizer.h"

#include <QList>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <vector>

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

// A table from words (views into string literals, which live as long as the program) to values, built once and
// then only read. Open addressing over a cheap hash of the word: looking words up is what normalize() does most.
template <typename T> class WordMap
{
public:
    T& operator[](QStringView key)
    {
        if ((m_size + 1) * 2 > m_keys.size())
            grow();
        size_t i = hashOf(key) & m_mask;
        for (;; i = (i + 1) & m_mask) {
            if (m_used[i] && m_keys[i] == key)
                return m_values[i];
            if (!m_used[i]) {
                m_used[i] = 1;
                m_keys[i] = key;
                m_longest = std::max(m_longest, key.size());
                ++m_size;
                return m_values[i];
            }
        }
    }
    const T* find(QStringView key) const
    {
        if (m_size == 0 || key.size() > m_longest)
            return nullptr;
        for (size_t i = hashOf(key) & m_mask;; i = (i + 1) & m_mask) {
            if (!m_used[i])
                return nullptr;
            if (m_keys[i].size() == key.size() && std::equal(key.begin(), key.end(), m_keys[i].begin()))
                return &m_values[i];
        }
    }

private:
    static size_t hashOf(QStringView key)
    {
        quint32 h = 2166136261u;
        for (const QChar c : key)
            h = (h ^ c.unicode()) * 16777619u;
        return size_t(h ^ (h >> 15));
    }
    void grow()
    {
        const size_t capacity = m_keys.empty() ? 64 : m_keys.size() * 2;
        std::vector<QStringView> keys(capacity);
        std::vector<T> values(capacity);
        std::vector<char> used(capacity, 0);
        const size_t mask = capacity - 1;
        for (size_t j = 0; j < m_keys.size(); ++j) {
            if (!m_used[j])
                continue;
            size_t i = hashOf(m_keys[j]) & mask;
            while (used[i])
                i = (i + 1) & mask;
            used[i] = 1;
            keys[i] = m_keys[j];
            values[i] = std::move(m_values[j]);
        }
        m_keys.swap(keys);
        m_values.swap(values);
        m_used.swap(used);
        m_mask = mask;
    }

    std::vector<QStringView> m_keys;
    std::vector<T> m_values;
    std::vector<char> m_used;
    size_t m_mask = 0;
    size_t m_size = 0;
    qsizetype m_longest = 0;
};

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

const WordMap<quint32>& wordFlags()
{
    static const WordMap<quint32> table = [] {
        WordMap<quint32> t;
        // Words separated by spaces; the views point into the literals, which live as long as the program.
        const auto add = [&t](quint32 flag, QStringView words) {
            for (const QStringView word : words.tokenize(u' ', Qt::SkipEmptyParts))
                t[word] |= flag;
        };
        add(Month,
            u"jan january feb february mar march apr april may jun june jul july aug august sep sept "
            u"september oct october nov november dec december janv janvier fev fevr fevrier mars avr avril "
            u"mai juin juil juillet aout septembre octobre novembre decembre januar februar marz maerz mrz "
            u"juni juli okt oktober dez dezember ene enero febrero marzo abr abril mayo junio julio ago "
            u"agosto septiembre setiembre octubre noviembre dic diciembre januari februari maart mrt mei "
            u"augustus");
        add(Tld,
            u"com net org co uk de fr nl es be it io eu za info biz app shop online tv us ca au ch at ie lu "
            u"pt se dk no fi pl gov edu");
        add(Legal,
            u"pty ltd limited gmbh mbh sarl sas sasu eurl inc incorporated llc llp bv nv sa ag kg ohg plc srl "
            u"sl slu sau sca cie corp bvba vof ltda pte cc ug");
        add(Country,
            u"gb uk fr de za us usa nl es be ch ie lu pt au nz se dk fi pl cz gr at gbr fra deu ger zaf rsa "
            u"nld esp bel che irl lux prt aut ita aus swe dnk nor fin pol gtza "
            // US states, as in "SEATTLE WA" (those that are also common words are left out)
            u"al ak az ar ca ct dc fl ga ia il ks ky md mi mn ms mt nc nd nh nj nm nv ny pa ri sc tn tx ut va "
            u"vt wa wi wv wy");
        add(Currency, u"eur usd gbp zar chf cad aud sek nok dkk pln");
        add(NumberLabel,
            u"ref reference no nr nro num numero store str filiale fil magasin mag bq cpt card pas pasnr "
            u"kasse caisse terminal term tid id trx txn tran auth invoice facture rechnung factura ech pedido "
            u"kto konto blz iban mandat mandate order commande bestellung device branch");
        add(ValueLabel,
            u"ref reference nr no id date datum fecha tran device branch bq cpt iban bic mandat mandate "
            u"kenmerk machtiging term terminal pasnr auth");
        add(NameLabel,
            u"de pour motif from to naam name payee beneficiary beneficiaire auftraggeber empfanger glaubiger "
            u"betreff verwendungszweck concepto beneficiario ordenante omschrijving libelle");
        add(DatePrep, u"on le am du el op at vom del dated");
        add(ProcessorStar,
            u"sq sp pp paypal tst c ik ikh wd hpy iz ztl cko apl fs pwp ppl sumup google gglpay zettle dnh "
            u"eig");
        add(ProcessorAlways, u"yoco zapper snapscan payfast dashpay izettle payd");
        add(TrailingNoise, u"card pos visa mastercard maestro contactless");
        add(AmazonTail, u"mktp mktplace marketplace mkp amzn amazon com co uk de fr es it nl us eu payments retail");
        add(TimeSuffix, u"am pm h hr uhr");
        return t;
    }();
    return table;
}

quint32 flagsOf(QStringView word)
{
    const quint32* flags = wordFlags().find(word);
    return flags ? *flags : 0;
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
    // `phrases`: separated by commas, words by spaces.
    PhraseTable(QStringView phrases, bool byLastWord)
        : m_byLastWord(byLastWord)
    {
        for (const QStringView text : phrases.tokenize(u',', Qt::SkipEmptyParts)) {
            Phrase phrase;
            for (const QStringView word : text.tokenize(u' ', Qt::SkipEmptyParts)) {
                Q_ASSERT(phrase.size < int(phrase.words.size()));
                phrase.words[phrase.size++] = word;
            }
            auto& list = m_phrases[byLastWord ? phrase.words[phrase.size - 1] : phrase.words[0]];
            list.push_back(phrase);
            // Longest first, so "vir europeen emis" wins over "vir".
            std::stable_sort(list.begin(), list.end(),
                             [](const Phrase& a, const Phrase& b) { return a.size > b.size; });
        }
    }

    // The longest phrase among `words` that starts (or, by last word, ends) at `index`; its word count or 0.
    int match(const QVarLengthArray<QStringView, 48>& words, qsizetype index) const
    {
        const std::vector<Phrase>* list = m_phrases.find(words[index]);
        if (!list)
            return 0;
        for (const Phrase& phrase : *list) {
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
    WordMap<std::vector<Phrase>> m_phrases;
    bool m_byLastWord;
};

// Payment-method words that come before the store name. Removed again and again from the start.
const PhraseTable& leadingNoise()
{
    static const PhraseTable table(
        // English (UK, US, South Africa)
        u"pos purchase, pos, pos debit, pos transaction, point of sale, card purchase, card payment, "
        u"card payment to, debit card purchase, debit card, purchase authorized on, purchase authorised on, "
        u"fuel purchase, online purchase, recurring card purchase, international online purchase, "
        u"overseas purchase, contactless, contactless payment, checkcard, check card, visa purchase, "
        u"visa debit, visa, vis, deb, mastercard, maestro, debit order, debit order payment, "
        u"eft debit order payment, naedo debit order payment, internal debit order, debicheck payment, "
        u"debicheck, internal d o, magtape debit, magtape credit, direct debit, direct debit to, "
        u"direct debit payment to, dd, so, standing order, standing order to, faster payment, "
        u"faster payment to, fpo, fpi, bgc, bill payment, bill payment to, rtc express pmt to, rtc pmt to, "
        u"fnb app rtc pmt to, fnb app payment to, banking app payment, app payment, internet pmt to, "
        u"payment to, ach debit, ach, recurring payment, online payment, apple pay, google pay, samsung pay, "
        u"effec, digital payment dt,"
        // French
        u"carte, cb, achat cb, achat carte, paiement cb, paiement par carte, paiement carte, facture carte, "
        u"facture carte du, prlv, prlv sepa, prelevement, prelevement sepa, prelevement europeen, vir, "
        u"vir sepa, vir recu, vir emis, vir inst, vir inst rec, vir inst emis, vir perm, vir europeen emis, "
        u"vir europeen recu, vir sepa recu, vir sepa emis, virement, virement sepa, virement recu, "
        u"virement emis, virement instantane, rembt, sans contact, paiement sans contact,"
        // German ("SEPA-Lastschrift" arrives joined: "sepalastschrift")
        u"kartenzahlung, eckartenzahlung, ec kartenzahlung, visakartenzahlung, girocard, ec, lastschrift, "
        u"sepalastschrift, sepa lastschrift, sepabasislastschrift, basislastschrift, folgelastschrift, "
        u"erstlastschrift, uberweisung, uberweisung an, sepauberweisung, sepa uberweisung, dauerauftrag, "
        u"kauf, kartenkauf, abbuchung, zahlung an,"
        // Spanish
        u"compra, compra tarj, compra tarjeta, compra con tarjeta, compra en, compra tarj en, "
        u"pago con tarjeta, pago con tarjeta en, pago en, pago movil en, tarjeta, tarj, recibo, adeudo, "
        u"adeudo recibo, adeudo de, cargo tarjeta, transferencia, transferencia a, transferencia a favor de, "
        u"devolucion tarjeta, domiciliacion,"
        // Dutch
        u"bea, betaalautomaat, gea, pinbetaling, ideal, sepa incasso, sepa incasso algemeen doorlopend, "
        u"incasso, incasso algemeen doorlopend, overboeking, overboeking naar, sepa overboeking, betaalpas,"
        // Any language
        u"sepa",
        false);
    return table;
}

// Payment-method words that carry nothing wherever they stand.
const PhraseTable& anywhereNoise()
{
    static const PhraseTable table(
        u"card no, commerce electronique, contactless, apple pay, google pay, samsung pay, kartenzahlung, "
        u"girocard, effec, sans contact, paiement sans contact, nfc, debit card, pos merchandise, "
        u"id emetteur, id creancier, contactless payment",
        false);
    return table;
}

// Big cities, stripped at the end of a line (after a country code) when a name is left before them.
const PhraseTable& trailingCities()
{
    static const PhraseTable table(
        u"london, manchester, birmingham, leeds, glasgow, edinburgh, liverpool, bristol, cardiff, belfast, "
        u"dublin, paris, lyon, marseille, toulouse, nantes, strasbourg, bordeaux, lille, berlin, hamburg, "
        u"munchen, muenchen, munich, koln, koeln, cologne, frankfurt, frankfurt am main, stuttgart, "
        u"dusseldorf, duesseldorf, leipzig, dresden, wien, vienna, zurich, geneve, geneva, bern, basel, "
        u"amsterdam, rotterdam, den haag, utrecht, eindhoven, brussel, bruxelles, brussels, antwerpen, gent, "
        u"luxembourg, madrid, barcelona, valencia, sevilla, malaga, bilbao, lisboa, lisbon, porto, roma, "
        u"rome, milano, milan, stockholm, copenhagen, kobenhavn, oslo, helsinki, new york, nyc, los angeles, "
        u"san francisco, chicago, seattle, boston, houston, austin, dallas, miami, atlanta, denver, "
        u"las vegas, washington, san jose, san diego, mountain view, sunnyvale, toronto, vancouver, montreal, "
        u"sydney, melbourne, johannesburg, cape town, capetown, durban, pretoria, sandton, midrand, "
        u"centurion, randburg, bloemfontein, port elizabeth, gqeberha",
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
    const auto letterAt = [&](qsizetype i) {
        return i >= 0 && i < n && data[i].isLetter();
    };
    const auto alnumAt = [&](qsizetype i) {
        return i >= 0 && i < n && data[i].isLetterOrNumber();
    };
    for (qsizetype r = 0; r < n;) {
        const QChar c = data[r];
        if (isApostrophe(c)) {
            ++r;
            continue;
        }
        // Dotted initials: single letters each followed by a dot, at least two of them.
        if (c.isLetter() && !alnumAt(r - 1) && r + 2 < n && data[r + 1] == u'.' && letterAt(r + 2) && !alnumAt(r + 3)) {
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
        if (const int count = trailingCities().match(words.text, last); count > 0 && count <= last) {
            removeWords(tokens, words, last - count + 1, count);
            continue;
        }
        return;
    }
}

} // namespace

QString MerchantNormalizer::fold(QStringView text)
{
    if (isAscii(text)) {
        QString out(text.size(), Qt::Uninitialized);
        QChar* w = out.data();
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            *w++ = QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
        }
        return out;
    }
    QString out;
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
    if (raw.isEmpty())
        return {};
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

    qsizetype size = 0; // the live words joined by spaces, written into one allocation
    for (const Token& token : tokens) {
        if (!token.removed && token.kind == Kind::Word)
            size += (size > 0 ? 1 : 0) + token.text.size();
    }
    if (size == 0)
        return {};
    QString out(size, Qt::Uninitialized);
    QChar* w = out.data();
    for (const Token& token : tokens) {
        if (token.removed || token.kind != Kind::Word)
            continue;
        if (w != out.data())
            *w++ = u' ';
        w = std::copy(token.text.begin(), token.text.end(), w);
    }
    return out;
}

QStringList MerchantNormalizer::words(QStringView normalized)
{
    QStringList out;
    out.reserve(normalized.count(u' ') + 1);
    for (const auto word : normalized.tokenize(u' ', Qt::SkipEmptyParts))
        out.append(word.toString());
    return out;
}

} // namespace Moniagent
