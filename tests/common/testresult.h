#pragma once

#include "core/result.h"

#include <QByteArray>

namespace Moniagent::Test {

// The error text of a failed Result for QVERIFY2 messages, which are evaluated even when the check passes:
// `QVERIFY2(r, Test::errorText(r))`.
template <typename T> QByteArray errorText(const Result<T>& result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

} // namespace Moniagent::Test

// Evaluates `expression` (a Result) once and fails the test with its error text unless it is ok.
#define MONIAGENT_VERIFY_OK(expression)                                                                                \
    do {                                                                                                               \
        const auto& moniagentResult_ = (expression);                                                                   \
        QVERIFY2(moniagentResult_.ok(), ::Moniagent::Test::errorText(moniagentResult_).constData());                   \
    } while (false)
