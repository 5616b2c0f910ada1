#pragma once

#include <curl/curl.h>
#include <mutex>

namespace Moniagent::Curl {

// libcurl's global set-up, once per process before the first handle: curl_global_init() is not thread-safe, so
// every user of libcurl (IMAP, HTTP) goes through this one flag.
inline void initialize()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The CURL* behind the opaque pointer the headers keep (they do not include curl.h).
inline CURL* handle(void* curl)
{
    return static_cast<CURL*>(curl);
}

} // namespace Moniagent::Curl
