#pragma once

#include "jobs/jobhandler.h"

#include <functional>
#include <memory>

namespace Moniagent::Test {

// A job handler that runs a function: tests register behaviour in one line.
class FunctionJobHandler final : public JobHandler
{
public:
    explicit FunctionJobHandler(std::function<JobOutcome(JobContext&)> function)
        : m_function(std::move(function))
    { }
    JobOutcome run(JobContext& context) override { return m_function(context); }

private:
    std::function<JobOutcome(JobContext&)> m_function;
};

inline JobHandlerFactory handlerFor(std::function<JobOutcome(JobContext&)> function)
{
    return [function]() {
        return std::make_unique<FunctionJobHandler>(function);
    };
}

} // namespace Moniagent::Test
