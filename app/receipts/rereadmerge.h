#pragma once

#include "ocr/ocrdocument.h"

#include <QList>
#include <QRect>

namespace Moniagent {

// How a second reading of one region of a page joins the first (ReceiptReader): each function returns `page`
// with the lines whose middle lies in `region` changed, and the words, lines and indexes between them consistent.
namespace RereadMerge {

// The region's lines replaced by all the lines of `reread`.
OcrPage replaced(const OcrPage& page, const OcrPage& reread, const QRect& region);

// The numbers of the region's lines taken from a numbers-only re-read (words whose middle lies on the line), the
// lines' words without digits kept: a numbers-only pass reads labels as junk ("TOTAL GST 0.66" as "$ 0.66"), and
// the label tells what an amount is. Lines without re-read numbers stay.
OcrPage withNumbers(const OcrPage& page, const OcrPage& reread, const QRect& region);

// Each word of the region's lines decided by a vote between its first reading and what each of `rereads` read in
// its place (the words whose middle lies within it, or nothing): the reading most of them agree on wins, and the
// first reading keeps its place on a tie. Letters misread once ("KING'S CONFECTIDMERY") are outvoted by readings at
// other scales that agree; specks that only one reading saw ("Co PERNIAGAAN") go.
OcrPage voted(const OcrPage& page, const QList<OcrPage>& rereads, const QRect& region);

// Whether a vote could change anything in `region`: some word of its lines was read unsurely the first time.
bool hasUnsureWords(const OcrPage& page, const QRect& region);

} // namespace RereadMerge

} // namespace Moniagent
