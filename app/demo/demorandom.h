#pragma once

#include <QtGlobal>

namespace Moniagent {

// A small, fast pseudo-random generator (xoshiro256**, seeded through splitmix64) with the few
// distributions the demo generator needs. Unlike <random>'s distributions, whose algorithms differ
// between standard libraries, every draw here is specified exactly, so a seed gives the same ledger
// on every platform. Not for anything secret.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
    {
        quint64 state = seed;
        for (quint64& word : m_state)
            word = splitMix(state);
    }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, n); n > 0. Multiply-shift on the top 32 bits: the bias is below 2^-32 * n.
    quint32 bounded(quint32 n) { return quint32(((next() >> 32) * quint64(n)) >> 32); }
    // Uniform in [low, high], both included.
    qint64 range(qint64 low, qint64 high)
    {
        if (high <= low)
            return low;
        const quint64 span = quint64(high - low) + 1;
        return low + qint64(span <= 0xFFFFFFFFu ? bounded(quint32(span)) : next() % span);
    }
    // Uniform in [0, 1) with 53 random bits; only exact IEEE operations follow from it.
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    // True with a probability of permille / 1000.
    bool chance(int permille) { return int(bounded(1000)) < permille; }

    // A stateless hash of two values, for draws that must not depend on the order of other draws
    // (the amount of a monthly bill in a given month, say).
    static quint64 mix(quint64 a, quint64 b)
    {
        quint64 state = a ^ (b * 0x9E3779B97F4A7C15ull);
        splitMix(state);
        return splitMix(state);
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    static quint64 splitMix(quint64& state)
    {
        quint64 z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    quint64 m_state[4];
};

} // namespace Moniagent
