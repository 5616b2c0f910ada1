#pragma once

#include <QChar>
#include <QtGlobal>

namespace Moniagent::FeatureHash {

// 64-bit hashes of text for the categorizer's feature tables: FNV-1a over UTF-16 code units, streamed, with a
// final avalanche so that the low bits (used as table slots) depend on every input bit. Never 0, which the
// tables use for an empty slot. Stable across runs and platforms: saved models depend on it.

constexpr quint64 start(quint64 seed)
{
    return 0xcbf29ce484222325ULL ^ (seed * 0x9e3779b97f4a7c15ULL);
}
constexpr quint64 add(quint64 h, char16_t c)
{
    return (h ^ c) * 0x100000001b3ULL;
}
inline quint64 add(quint64 h, const QChar* p, qsizetype n)
{
    for (qsizetype i = 0; i < n; ++i)
        h = add(h, p[i].unicode());
    return h;
}
constexpr quint64 addInt(quint64 h, quint64 v)
{
    for (int i = 0; i < 4; ++i)
        h = add(h, char16_t(v >> (16 * i)));
    return h;
}
constexpr quint64 finish(quint64 h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h ? h : 1;
}
inline quint64 of(const QChar* p, qsizetype n, quint64 seed)
{
    return finish(add(start(seed), p, n));
}

} // namespace Moniagent::FeatureHash
