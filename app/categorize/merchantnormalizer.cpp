#include "merchantnormalizer.h"

namespace Moniagent {

QString MerchantNormalizer::fold(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        out.append(c.toCaseFolded());
    }
    return out;
}

QString MerchantNormalizer::normalize(QStringView raw)
{
    // First version: fold, keep letters, spaces between words. The full noise removal is still to come.
    const QString folded = fold(raw);
    QString out;
    out.reserve(folded.size());
    bool space = false;
    for (const QChar c : folded) {
        if (c.isLetter()) {
            if (space && !out.isEmpty())
                out.append(u' ');
            space = false;
            out.append(c);
        } else {
            space = true;
        }
    }
    return out;
}

QStringList MerchantNormalizer::words(QStringView normalized)
{
    QStringList out;
    for (const auto word : normalized.split(u' ', Qt::SkipEmptyParts))
        out.append(word.toString());
    return out;
}

} // namespace Moniagent
