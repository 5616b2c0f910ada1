#pragma once

#include "ai/llmprovider.h"

namespace Moniagent {

// OpenAI Chat Completions and every server that speaks it (Ollama's /v1, LM Studio, llama.cpp server, vLLM,
// OpenRouter, Mistral, Groq …): POST {base}/chat/completions with tools and tool_calls (streamed argument
// fragments included), stream_options.include_usage, response_format json_schema; GET {base}/models.
class OpenAiProvider : public LlmProvider
{
    Q_OBJECT
public:
    OpenAiProvider(const LlmProviderConfig& config, QNetworkAccessManager* network = nullptr,
                   QObject* parent = nullptr);
};

} // namespace Moniagent
