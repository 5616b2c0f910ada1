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

#define MONIAGENT_VERIFY_OK(result) QVERIFY2((result).ok(), ::Moniagent::Test::errorText(result).constData())
