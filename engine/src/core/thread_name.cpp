#include "mccig/core/thread_name.h"

#include <pthread.h>

#include <string>

namespace mccig {

void nameThisThread(std::string_view name)
{
    // pthread names hold 15 bytes and the terminating NUL; a longer one is refused whole.
    constexpr std::size_t kMaxLength = 15;
    const std::string kept(name.substr(0, kMaxLength));
    pthread_setname_np(pthread_self(), kept.c_str());
}

} // namespace mccig
