#include "categorylexicon.h"

#include "featurehash.h"
#include "merchantnormalizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Moniagent {

namespace {

constexpr int kSupportedVersion = 1;
constexpr int kMaxWords = 5; // longest run of input words tried as one term
constexpr quint64 kSeed = 0x1e71c0;

// Terms are folded like MerchantNormalizer::fold, and anything but letters and digits separates words, so a
// hand-edited "McDonald's" still matches what the normalizer makes of a bank line.
QString normalizedTerm(const QString& raw)
{
    QString folded = MerchantNormalizer::fold(raw);
    for (QChar& c : folded) {
        if (!c.isLetterOrNumber())
            c = u' ';
    }
    return folded.simplified();
}

QString compact(const QString& term)
{
    QString out = term;
    out.remove(u' ');
    return out;
}

struct Span
{
    qsizetype start;
    qsizetype length;
};
using Spans = QVarLengthArray<Span, 32>;

void splitWords(const QString& text, Spans& spans)
{
    const QChar* data = text.constData();
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        while (i < size && data[i] == u' ')
            ++i;
        const qsizetype begin = i;
        while (i < size && data[i] != u' ')
            ++i;
        if (i > begin)
            spans.append({begin, i - begin});
    }
}

// Whether the words spans[first..last] written together spell `compactTerm`.
bool spells(const QString& text, const Spans& spans, qsizetype first, qsizetype last, const QString& compactTerm)
{
    qsizetype at = 0;
    for (qsizetype w = first; w <= last; ++w) {
        const Span span = spans.at(w);
        if (at + span.length > compactTerm.size())
            return false;
        if (QStringView(text).mid(span.start, span.length) != QStringView(compactTerm).mid(at, span.length))
            return false;
        at += span.length;
    }
    return at == compactTerm.size();
}

} // namespace

Result<std::shared_ptr<const CategoryLexicon>> CategoryLexicon::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {Error::Code::Io, tr("Cannot read the category lexicon."), path + u": " + file.errorString()};
    return fromJson(file.readAll(), path);
}

Result<std::shared_ptr<const CategoryLexicon>> CategoryLexicon::fromJson(const QByteArray& json, const QString& name)
{
    const QString where = name.isEmpty() ? QStringLiteral("lexicon") : name;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalidInput(
            tr("The category lexicon is not valid JSON."),
            QStringLiteral("%1: offset %2: %3").arg(where).arg(parseError.offset).arg(parseError.errorString()));
    const QJsonObject root = document.object();
    if (!document.isObject() || !root.value(u"categories").isObject())
        return Error::invalidInput(tr("The category lexicon has no categories."),
                                   where + QStringLiteral(": expected {\"version\":1,\"categories\":{…}}"));
    const int version = root.value(u"version").toInt(-1);
    if (version != kSupportedVersion)
        return Error::invalidInput(tr("The category lexicon is of an unsupported version (%1).").arg(version), where);

    auto lexicon = std::make_shared<CategoryLexicon>();
    lexicon->m_version = version;
    const QJsonObject categories = root.value(u"categories").toObject();
    QHash<QString, int> seen[2]; // kind -> term -> index, to drop exact repeats within one kind
    for (auto it = categories.begin(); it != categories.end(); ++it) {
        if (!it.value().isObject())
            return Error::invalidInput(tr("The category lexicon is damaged."),
                                       QStringLiteral("%1: \"%2\" is not an object").arg(where, it.key()));
        const int categoryIndex = int(lexicon->m_keys.size());
        lexicon->m_keys.append(it.key());
        const QJsonObject entry = it.value().toObject();
        const QJsonValue weight = entry.value(u"weight");
        if (!weight.isUndefined() && (!weight.isDouble() || weight.toDouble() < 0))
            return Error::invalidInput(tr("The category lexicon is damaged."),
                                       QStringLiteral("%1: %2.weight is not a positive number").arg(where, it.key()));
        lexicon->m_weights.append(weight.toDouble(1.0));
        for (const MatchKind kind : {MatchKind::Merchant, MatchKind::Keyword}) {
            const auto field = kind == MatchKind::Merchant ? QStringLiteral("merchants") : QStringLiteral("keywords");
            const QJsonValue value = entry.value(field);
            if (value.isUndefined())
                continue;
            if (!value.isArray())
                return Error::invalidInput(tr("The category lexicon is damaged."),
                                           QStringLiteral("%1: %2.%3 is not a list").arg(where, it.key(), field));
            for (const QJsonValue& termValue : value.toArray()) {
                if (!termValue.isString())
                    return Error::invalidInput(
                        tr("The category lexicon is damaged."),
                        QStringLiteral("%1: %2.%3 holds something other than text").arg(where, it.key(), field));
                const QString text = normalizedTerm(termValue.toString());
                if (text.isEmpty())
                    continue;
                auto& known = seen[kind == MatchKind::Merchant ? 0 : 1];
                if (known.contains(text))
                    continue; // the first category that lists a term wins
                const int termIndex = int(lexicon->m_terms.size());
                known.insert(text, termIndex);
                const QString compactText = compact(text);
                lexicon->m_terms.append({text, compactText, categoryIndex, kind});
                const quint64 hash = FeatureHash::of(compactText.constData(), compactText.size(), kSeed);
                (kind == MatchKind::Merchant ? lexicon->m_merchantIndex : lexicon->m_keywordIndex)
                    .insert(hash, termIndex);
                lexicon->m_longestTerm = std::max(lexicon->m_longestTerm, int(text.count(u' ')) + 1);
            }
        }
    }
    return std::shared_ptr<const CategoryLexicon>(std::move(lexicon));
}

void CategoryLexicon::TermIndex::insert(quint64 hash, int termIndex)
{
    Q_ASSERT(hash != 0);
    if ((m_size + 1) * 2 > m_slots.size())
        rebuild(m_slots.empty() ? 256 : m_slots.size() * 2);
    size_t i = size_t(hash) & m_mask;
    while (m_slots[i].hash != 0 && m_slots[i].hash != hash)
        i = (i + 1) & m_mask;
    Slot& slot = m_slots[i];
    if (slot.hash == 0) {
        slot = {hash, qint32(m_terms.size()), 0};
        ++m_size;
    } else if (slot.first + slot.count != qint32(m_terms.size())) {
        // Not at the end of the flat list: move this hash's terms there (rare: equal compact forms).
        const qint32 moved = qint32(m_terms.size());
        for (qint32 k = 0; k < slot.count; ++k)
            m_terms.push_back(m_terms[size_t(slot.first + k)]);
        slot.first = moved;
    }
    // The newest term first, as QMultiHash listed them.
    m_terms.insert(m_terms.begin() + slot.first, termIndex);
    ++slot.count;
}

std::pair<const int*, const int*> CategoryLexicon::TermIndex::find(quint64 hash) const
{
    if (m_size == 0)
        return {nullptr, nullptr};
    for (size_t i = size_t(hash) & m_mask; m_slots[i].hash != 0; i = (i + 1) & m_mask) {
        if (m_slots[i].hash == hash) {
            const int* first = m_terms.data() + m_slots[i].first;
            return {first, first + m_slots[i].count};
        }
    }
    return {nullptr, nullptr};
}

void CategoryLexicon::TermIndex::rebuild(size_t capacity)
{
    std::vector<Slot> table(capacity);
    const size_t mask = capacity - 1;
    for (const Slot& slot : m_slots) {
        if (slot.hash == 0)
            continue;
        size_t i = size_t(slot.hash) & mask;
        while (table[i].hash != 0)
            i = (i + 1) & mask;
        table[i] = slot;
    }
    m_slots.swap(table);
    m_mask = mask;
}

void CategoryLexicon::lookup(const CategorizationInput& input, RawHits& hits) const
{
    const int maxWords = std::min(kMaxWords, m_longestTerm + 1);
    for (const MatchKind kind : {MatchKind::Merchant, MatchKind::Keyword}) {
        const QString& text = kind == MatchKind::Merchant ? input.merchantKey : input.text;
        const TermIndex& index = kind == MatchKind::Merchant ? m_merchantIndex : m_keywordIndex;
        if (index.isEmpty())
            continue;
        Spans spans;
        splitWords(text, spans);
        for (qsizetype first = 0; first < spans.size(); ++first) {
            quint64 h = FeatureHash::start(kSeed);
            for (qsizetype last = first; last < spans.size() && last - first < maxWords; ++last) {
                h = FeatureHash::add(h, text.constData() + spans.at(last).start, spans.at(last).length);
                const quint64 key = FeatureHash::finish(h);
                const auto [begin, end] = index.find(key);
                for (const int* it = begin; it != end; ++it) {
                    const int termIndex = *it;
                    const Term& term = m_terms.at(termIndex);
                    if (!spells(text, spans, first, last, term.compact))
                        continue;
                    const bool already = std::any_of(hits.cbegin(), hits.cend(),
                                                     [&](const RawHit& hit) { return hit.termIndex == termIndex; });
                    if (!already)
                        hits.append({term.categoryIndex, termIndex, kind, int(last - first + 1)});
                }
            }
        }
    }
}

QList<CategoryLexicon::Hit> CategoryLexicon::lookup(const CategorizationInput& input) const
{
    RawHits raw;
    lookup(input, raw);
    std::stable_sort(raw.begin(), raw.end(), [](const RawHit& a, const RawHit& b) {
        if (a.kind != b.kind)
            return a.kind == MatchKind::Merchant;
        return a.words > b.words;
    });
    QList<Hit> out;
    out.reserve(raw.size());
    for (const RawHit& hit : raw)
        out.append({m_keys.at(hit.categoryIndex), m_terms.at(hit.termIndex).text, hit.kind});
    return out;
}

QStringList CategoryLexicon::merchants(const QString& systemKey) const
{
    QStringList out;
    const int index = int(m_keys.indexOf(systemKey));
    for (const Term& term : m_terms) {
        if (term.categoryIndex == index && term.kind == MatchKind::Merchant)
            out.append(term.text);
    }
    return out;
}

QStringList CategoryLexicon::keywords(const QString& systemKey) const
{
    QStringList out;
    const int index = int(m_keys.indexOf(systemKey));
    for (const Term& term : m_terms) {
        if (term.categoryIndex == index && term.kind == MatchKind::Keyword)
            out.append(term.text);
    }
    return out;
}

} // namespace Moniagent
