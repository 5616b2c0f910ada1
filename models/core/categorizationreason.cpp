#include "categorizationreason.h"

#include <QJsonArray>
#include <QUrl>
#include <QVarLengthArray>

#include <algorithm>
#include <climits>

namespace Moniagent {

namespace {
const QString ByKey = QStringLiteral("by");
const QString RuleTypeKey = QStringLiteral("ruleType");
const QString PatternKey = QStringLiteral("pattern");
const QString OriginKey = QStringLiteral("origin");
const QString RuleIdKey = QStringLiteral("ruleId");
const QString StoreExamplesKey = QStringLiteral("storeExamples");
const QString FeaturesKey = QStringLiteral("features");
const QString ModelKey = QStringLiteral("model");

QStringList features(const QJsonObject& reason)
{
    QStringList list;
    for (const QJsonValue& value : reason.value(FeaturesKey).toArray()) {
        if (const QString text = value.toString(); !text.isEmpty())
            list << CategorizationReason::describeFeature(text);
    }
    return list;
}

// Form encoding of one value: only the three characters the reader splits on are escaped.
void appendValue(QString& out, QStringView value)
{
    const auto special = [](QChar c) {
        return c == u'%' || c == u'&' || c == u'=';
    };
    if (std::none_of(value.begin(), value.end(), special)) {
        out += value;
        return;
    }
    for (const QChar c : value) {
        if (c == u'%')
            out += u"%25";
        else if (c == u'&')
            out += u"%26";
        else if (c == u'=')
            out += u"%3D";
        else
            out += c;
    }
}

void appendPair(QString& out, const QString& key, QStringView value)
{
    if (!out.isEmpty())
        out += u'&';
    out += key;
    out += u'=';
    appendValue(out, value);
}

// appendValue()'s length for `value`.
qsizetype encodedSize(QStringView value)
{
    qsizetype size = value.size();
    for (const QChar c : value)
        size += c == u'%' || c == u'&' || c == u'=' ? 2 : 0;
    return size;
}

// Writes `value` form-encoded at `w` (encodedSize(value) characters) and returns the end.
QChar* writeValue(QChar* w, QStringView value)
{
    for (const QChar c : value) {
        QStringView escaped;
        if (c == u'%')
            escaped = u"%25";
        else if (c == u'&')
            escaped = u"%26";
        else if (c == u'=')
            escaped = u"%3D";
        if (escaped.isEmpty()) {
            *w++ = c;
        } else {
            std::copy(escaped.begin(), escaped.end(), w);
            w += escaped.size();
        }
    }
    return w;
}

QChar* writePair(QChar* w, bool first, const QString& key, QStringView value)
{
    if (!first)
        *w++ = u'&';
    w = std::copy(key.cbegin(), key.cend(), w);
    *w++ = u'=';
    return writeValue(w, value);
}

// `value` in decimal, written into `buffer`.
QStringView decimal(qint64 value, char16_t (&buffer)[24])
{
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    qsizetype at = 24;
    do {
        buffer[--at] = char16_t(u'0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (value < 0)
        buffer[--at] = u'-';
    return QStringView(buffer + at, 24 - at);
}

struct Pair
{
    const QString* key;
    QStringView value;
};

// The same text as appendPair() for each pair in turn, written into one allocation of the right size: reasons
// are made for every arriving transaction.
QString joinPairs(const Pair* pairs, qsizetype count)
{
    qsizetype size = 0;
    for (qsizetype i = 0; i < count; ++i)
        size += (i > 0 ? 1 : 0) + pairs[i].key->size() + 1 + encodedSize(pairs[i].value);
    QString out(size, Qt::Uninitialized);
    QChar* w = out.data();
    for (qsizetype i = 0; i < count; ++i)
        w = writePair(w, i == 0, *pairs[i].key, pairs[i].value);
    Q_ASSERT(w == out.data() + size);
    return out;
}

QString modelOrLexicon(QStringView by, qint64 storeExamples, const QStringList& features)
{
    char16_t digits[24];
    QVarLengthArray<Pair, 8> pairs;
    pairs.append({&ByKey, by});
    pairs.append({&StoreExamplesKey, decimal(storeExamples, digits)});
    for (const QString& feature : features)
        pairs.append({&FeaturesKey, feature});
    return joinPairs(pairs.constData(), pairs.size());
}
} // namespace

QString CategorizationReason::rule(const CategorizationRule& rule)
{
    const QString type = CategorizationRuleEnums::key(rule.type);
    const QString origin = CategorizationRuleEnums::key(rule.origin);
    char16_t digits[24];
    const Pair pairs[] = {{&ByKey, u"rule"},
                          {&RuleTypeKey, type},
                          {&PatternKey, rule.pattern},
                          {&OriginKey, origin},
                          {&RuleIdKey, decimal(rule.id, digits)}};
    return joinPairs(pairs, rule.id > 0 ? 5 : 4);
}

QString CategorizationReason::model(qint64 storeExamples, const QStringList& features)
{
    return modelOrLexicon(u"model", storeExamples, features);
}

QString CategorizationReason::lexicon(const QStringList& features)
{
    return modelOrLexicon(u"lexicon", 0, features);
}

QString CategorizationReason::llm(const QString& model)
{
    QString out;
    appendPair(out, ByKey, u"llm");
    if (!model.isEmpty())
        appendPair(out, ModelKey, model);
    return out;
}

QJsonObject CategorizationReason::fromMetadata(const QJsonObject& sourceMetadata)
{
    const QJsonValue value = sourceMetadata.value(MetadataKey);
    return value.isString() ? parse(value.toString()) : value.toObject();
}

QJsonObject CategorizationReason::parse(QStringView stored)
{
    QJsonObject reason;
    QJsonArray featureList;
    for (const QStringView pair : stored.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0)
            return {}; // not our form
        const QString key = pair.first(equals).toString();
        const QString value = QUrl::fromPercentEncoding(pair.sliced(equals + 1).toUtf8());
        if (key == FeaturesKey) {
            featureList.append(value);
        } else if (key == StoreExamplesKey || key == RuleIdKey) {
            bool ok = false;
            const qint64 number = value.toLongLong(&ok);
            if (ok)
                reason.insert(key, number);
        } else {
            reason.insert(key, value);
        }
    }
    if (!featureList.isEmpty())
        reason.insert(FeaturesKey, featureList);
    return reason.contains(ByKey) ? reason : QJsonObject();
}

bool CategorizationReason::isRule(const QJsonObject& reason, const CategorizationRule& rule)
{
    if (reason.value(ByKey).toString() != QLatin1String("rule"))
        return false;
    if (reason.contains(RuleIdKey) && rule.id > 0)
        return reason.value(RuleIdKey).toInteger() == rule.id;
    return reason.value(RuleTypeKey).toString() == CategorizationRuleEnums::key(rule.type)
        && reason.value(PatternKey).toString() == rule.pattern;
}

QString CategorizationReason::describeFeature(const QString& feature)
{
    const qsizetype colon = feature.indexOf(u':');
    const QStringView kind = colon < 0 ? QStringView(feature) : QStringView(feature).first(colon);
    const QString value = colon < 0 ? QString() : feature.sliced(colon + 1);
    if (colon >= 0 && kind == u"word")
        return tr("word “%1”").arg(value);
    if (colon >= 0 && kind == u"knownStore")
        return tr("known store “%1”").arg(value);
    if (colon >= 0 && kind == u"keyword")
        return tr("keyword “%1”").arg(value);
    if (colon >= 0 && kind == u"sameStore")
        return tr("same store as %n earlier transaction(s)", nullptr, value.toInt());
    if (colon < 0 && kind == u"similarAmount")
        return tr("similar amount");
    if (colon < 0 && kind == u"sameAmount")
        return tr("same amount as before");
    if (colon < 0 && kind == u"moneyIn")
        return tr("money received");
    if (colon < 0 && kind == u"moneyOut")
        return tr("money spent");
    return feature; // an older version's already translated text, or a code this version does not know
}

QString CategorizationReason::describe(const QJsonObject& reason)
{
    const QString by = reason.value(ByKey).toString();
    if (by == QLatin1String("rule")) {
        const QString pattern = reason.value(PatternKey).toString();
        const auto type = CategorizationRuleEnums::typeFromKey(reason.value(RuleTypeKey).toString());
        const bool learned = reason.value(OriginKey).toString() == CategorizationRuleEnums::key(RuleOrigin::Learned);
        if (!type || pattern.isEmpty())
            return learned ? tr("a rule learned from your corrections") : tr("one of your rules");
        switch (*type) {
        case RuleType::ExactMatch:
            return learned ? tr("learned rule: store is “%1”").arg(pattern) : tr("rule: store is “%1”").arg(pattern);
        case RuleType::Regex:
            return learned ? tr("learned rule: matches “%1”").arg(pattern) : tr("rule: matches “%1”").arg(pattern);
        case RuleType::Keyword:
            return learned ? tr("learned rule: contains “%1”").arg(pattern) : tr("rule: contains “%1”").arg(pattern);
        }
        return {};
    }
    if (by == QLatin1String("model") || by == QLatin1String("lexicon")) {
        const qint64 examples = reason.value(StoreExamplesKey).toInteger();
        if (examples > 0) {
            return tr("learned from %Ln earlier transaction(s) at this store", nullptr,
                      int(std::min<qint64>(examples, INT_MAX)));
        }
        const QString words = features(reason).join(QStringLiteral(", "));
        if (by == QLatin1String("lexicon"))
            return words.isEmpty() ? tr("built-in knowledge of common stores")
                                   : tr("built-in knowledge: %1").arg(words);
        return words.isEmpty() ? tr("learned from similar transactions")
                               : tr("learned from similar transactions: %1").arg(words);
    }
    if (by == QLatin1String("llm")) {
        const QString model = reason.value(ModelKey).toString();
        return model.isEmpty() ? tr("suggested by the assistant") : tr("suggested by the AI model %1").arg(model);
    }
    return {};
}

} // namespace Moniagent
