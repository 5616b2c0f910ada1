#include "clock.h"

namespace Moniagent {

const Clock& SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace Moniagent
