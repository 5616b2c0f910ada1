#pragma once

#include "ai/llmprovider.h"

namespace Moniagent {

// The Anthropic Messages API: POST {base}/v1/messages (x-api-key, anthropic-version) with tool_use and
// tool_result blocks; streams message_start / content_block_start / content_block_delta (text_delta,
// input_json_delta) / message_delta (usage) / message_stop; GET {base}/v1/models. Structured output goes through
// the system prompt and is validated (with one repair attempt).
class AnthropicProvider : public LlmProvider
{
    Q_OBJECT
public:
    static constexpr auto ApiVersion = "2023-06-01";

    AnthropicProvider(const LlmProviderConfig& config, QNetworkAccessManager* network = nullptr,
                      QObject* parent = nullptr);
};

} // namespace Moniagent
