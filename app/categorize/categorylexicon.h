#pragma once

#include "categorizationinput.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <memory>
#include <utility>
#include <vector>

namespace Moniagent {

// Built-in knowledge for categorizing before the user has taught anything: well-known stores and words of
// several languages for each default category (resources/categorize/lexicon.json, editable). Terms are stored
// normalized (folded, lower case, words separated by one space). A merchant term matches whole words of the
// input's merchantKey, a keyword term whole words of its text; both also match when the input writes the
// term's words together ("picknpay" for "pick n pay", "mcdonalds" for "mcdonald s").
// File format: {"version":1,"categories":{"Groceries":{"merchants":[…],"keywords":[…],"weight":1.0},…}}.
class CategoryLexicon
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::CategoryLexicon)

public:
    enum class MatchKind
    {
        Merchant,
        Keyword
    };
    struct Hit
    {
        QString systemKey; // default category key ("Groceries")
        QString term; // the lexicon term that matched
        MatchKind kind = MatchKind::Keyword;
    };
    // Allocation-free form for hot paths: indexes into systemKeys() and term().
    struct RawHit
    {
        int categoryIndex = 0;
        int termIndex = 0;
        MatchKind kind = MatchKind::Keyword;
        int words = 1; // how many input words the term covered
    };
    using RawHits = QVarLengthArray<RawHit, 8>;

    static Result<std::shared_ptr<const CategoryLexicon>> load(const QString& path
                                                               = QStringLiteral(":/categorize/lexicon.json"));
    static Result<std::shared_ptr<const CategoryLexicon>> fromJson(const QByteArray& json,
                                                                   const QString& name = QString());

    // Each matching term once, merchants first, longer terms first.
    QList<Hit> lookup(const CategorizationInput& input) const;
    void lookup(const CategorizationInput& input, RawHits& hits) const;

    int version() const { return m_version; }
    const QStringList& systemKeys() const { return m_keys; }
    // How much a hit for this category counts (the file's optional "weight", 1 by default): generic markers such
    // as transfer words weigh less than specific ones.
    double weight(int categoryIndex) const { return m_weights.at(categoryIndex); }
    const QString& term(int termIndex) const { return m_terms.at(termIndex).text; }
    // The terms of one category, as in the file.
    QStringList merchants(const QString& systemKey) const;
    QStringList keywords(const QString& systemKey) const;
    int termCount() const { return int(m_terms.size()); }

private:
    struct Term
    {
        QString text;
        QString compact; // text without spaces
        int categoryIndex = 0;
        MatchKind kind = MatchKind::Keyword;
    };
    int m_version = 0;
    QStringList m_keys;
    QList<double> m_weights;
    QList<Term> m_terms;
    // Compact form (spaces removed) hashed -> term indexes, the last added first; merchants and keywords apart.
    // Open addressing over the hashes (never 0, the empty slot) with each hash's terms in one flat list: lookup()
    // probes it for every run of input words.
    class TermIndex
    {
    public:
        void insert(quint64 hash, int termIndex);
        // The terms under `hash`: [first, last).
        std::pair<const int*, const int*> find(quint64 hash) const;
        bool isEmpty() const { return m_size == 0; }

    private:
        struct Slot
        {
            quint64 hash = 0;
            qint32 first = 0; // into m_terms
            qint32 count = 0;
        };
        void rebuild(size_t capacity);
        std::vector<Slot> m_slots;
        std::vector<int> m_terms;
        size_t m_mask = 0;
        size_t m_size = 0;
    };
    TermIndex m_merchantIndex;
    TermIndex m_keywordIndex;
    int m_longestTerm = 1; // in words
};

} // namespace Moniagent
