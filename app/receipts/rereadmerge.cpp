#include "rereadmerge.h"

#include <algorithm>
#include <functional>

namespace Moniagent::RereadMerge {

namespace {

// A first reading at least this sure of a word (Tesseract's 0..100) is not put to the vote: in the SROIE receipts
// the re-reads outvoted such words (SLF as SLE, WAN as HAN) more often than they corrected them.
constexpr float SureConfidence = 85;

bool hasDigit(const QString& text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

QList<OcrWord> wordsOf(const OcrPage& page, const OcrLine& line)
{
    QList<OcrWord> words;
    words.reserve(line.wordCount);
    for (int i = 0; i < line.wordCount; ++i)
        words.append(page.words.at(line.firstWord + i));
    return words;
}

// `line` of `from` and its words appended to `result` as they are, with the indexes between them renumbered.
void appendLine(OcrPage& result, const OcrPage& from, const OcrLine& line)
{
    OcrLine copy = line;
    copy.firstWord = int(result.words.size());
    for (int i = 0; i < line.wordCount; ++i) {
        OcrWord word = from.words.at(line.firstWord + i);
        word.line = int(result.lines.size());
        result.words.append(word);
    }
    result.lines.append(copy);
}

// `page` with the words of each line in `region` replaced by what `change` makes of them. A line that `change`
// leaves without words goes, unless it had none to begin with.
OcrPage withLineWords(const OcrPage& page, const QRect& region,
                      const std::function<QList<OcrWord>(const OcrLine&, const QList<OcrWord>&)>& change)
{
    OcrPage result = page;
    result.words.clear();
    result.lines.clear();
    for (const OcrLine& line : page.lines) {
        if (!region.contains(line.box.center())) {
            appendLine(result, page, line);
            continue;
        }
        const QList<OcrWord> before = wordsOf(page, line);
        QList<OcrWord> words = change(line, before);
        if (words.isEmpty() && !before.isEmpty())
            continue;
        std::stable_sort(words.begin(), words.end(),
                         [](const OcrWord& a, const OcrWord& b) { return a.box.left() < b.box.left(); });
        OcrLine copy = line;
        copy.firstWord = int(result.words.size());
        copy.wordCount = int(words.size());
        QStringList texts;
        QRect box;
        double confidence = 0;
        for (OcrWord& word : words) {
            word.line = int(result.lines.size());
            texts.append(word.text);
            box |= word.box;
            confidence += word.confidence;
            result.words.append(word);
        }
        if (!words.isEmpty()) {
            copy.text = texts.join(u' ');
            copy.box = box;
            copy.confidence = float(confidence / double(words.size()));
        }
        result.lines.append(copy);
    }
    return result;
}

// Where a word of the first reading is looked for in a re-read: its box and a quarter of its height more above and
// below (not the whole line: a line's box can reach into the next one).
QRect placeOf(const OcrWord& word)
{
    return word.box.adjusted(0, -word.box.height() / 4, 0, word.box.height() / 4);
}

// The words of `reread` that stand in the place of `line[index]`, left to right: those whose middle lies in its
// place, and a longer word whose middle lies in no word's place but that covers this word's middle (the first
// reading saw "A" where the re-read saw "BAKERIES").
QList<OcrWord> wordsInPlaceOf(const OcrPage& reread, const QList<OcrWord>& line, qsizetype index)
{
    const OcrWord& word = line.at(index);
    const QRect place = placeOf(word);
    QList<OcrWord> found;
    for (const OcrWord& candidate : reread.words) {
        const QPoint middle = candidate.box.center();
        bool inPlace = place.contains(middle);
        if (!inPlace && candidate.box.contains(word.box.center())) {
            inPlace = std::none_of(line.cbegin(), line.cend(),
                                   [&](const OcrWord& other) { return placeOf(other).contains(middle); });
        }
        if (inPlace)
            found.append(candidate);
    }
    std::sort(found.begin(), found.end(),
              [](const OcrWord& a, const OcrWord& b) { return a.box.left() < b.box.left(); });
    return found;
}

QString joined(const QList<OcrWord>& words)
{
    QStringList texts;
    for (const OcrWord& word : words)
        texts.append(word.text);
    return texts.join(u' ');
}

} // namespace

OcrPage replaced(const OcrPage& page, const OcrPage& reread, const QRect& region)
{
    OcrPage result = page;
    result.words.clear();
    result.lines.clear();
    bool inserted = false;
    for (const OcrLine& line : page.lines) {
        if (region.contains(line.box.center())) {
            if (!inserted) {
                for (const OcrLine& fresh : reread.lines)
                    appendLine(result, reread, fresh);
                inserted = true;
            }
            continue;
        }
        appendLine(result, page, line);
    }
    if (!inserted) {
        for (const OcrLine& fresh : reread.lines)
            appendLine(result, reread, fresh);
    }
    return result;
}

OcrPage withNumbers(const OcrPage& page, const OcrPage& reread, const QRect& region)
{
    return withLineWords(page, region, [&reread](const OcrLine& line, const QList<OcrWord>& before) {
        QList<OcrWord> numbers;
        for (const OcrWord& word : reread.words) {
            const int middle = word.box.center().y();
            if (hasDigit(word.text) && middle >= line.box.top() && middle <= line.box.bottom())
                numbers.append(word);
        }
        if (numbers.isEmpty())
            return before;
        QList<OcrWord> words = before;
        words.erase(std::remove_if(words.begin(), words.end(), [](const OcrWord& word) { return hasDigit(word.text); }),
                    words.end());
        words.append(numbers);
        return words;
    });
}

OcrPage voted(const OcrPage& page, const QList<OcrPage>& rereads, const QRect& region)
{
    return withLineWords(page, region, [&rereads](const OcrLine&, const QList<OcrWord>& before) {
        QList<OcrWord> words;
        for (qsizetype index = 0; index < before.size(); ++index) {
            const OcrWord& word = before.at(index);
            // Each reading of this word's place, with how many of the readings agree on it; the first is the
            // word as it was read first.
            QList<QList<OcrWord>> readings {{word}};
            QList<int> votes {1};
            for (const OcrPage& reread : rereads) {
                const QList<OcrWord> found = wordsInPlaceOf(reread, before, index);
                const QString text = joined(found);
                qsizetype same = -1;
                for (qsizetype i = 0; i < readings.size() && same < 0; ++i) {
                    if (joined(readings.at(i)) == text)
                        same = i;
                }
                if (same >= 0) {
                    ++votes[same];
                } else {
                    readings.append(found);
                    votes.append(1);
                }
            }
            // A word read surely the first time stays. Otherwise a later reading replaces it when more readings
            // agree on it than on the first; the first wins ties. Nothing in its place takes a word away only when
            // it is a speck of one or two characters.
            qsizetype best = 0;
            if (word.confidence < SureConfidence) {
                for (qsizetype i = 1; i < readings.size(); ++i) {
                    const bool allowed = !readings.at(i).isEmpty() || word.text.size() <= 2;
                    if (allowed && votes.at(i) > votes.at(best))
                        best = i;
                }
            }
            words.append(readings.at(best));
        }
        return words;
    });
}

bool hasUnsureWords(const OcrPage& page, const QRect& region)
{
    for (const OcrLine& line : page.lines) {
        if (!region.contains(line.box.center()))
            continue;
        for (int i = 0; i < line.wordCount; ++i) {
            if (page.words.at(line.firstWord + i).confidence < SureConfidence)
                return true;
        }
    }
    return false;
}

} // namespace Moniagent::RereadMerge
