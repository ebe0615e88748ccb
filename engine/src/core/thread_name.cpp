#include "mccig/core/thread_name.h"

#include <string>

#if !defined(_WIN32)
#include <pthread.h>
#endif

namespace mccig {

void nameThisThread(std::string_view name)
{
    // pthread names hold 15 bytes and the terminating NUL; a longer one is refused whole.
    constexpr std::size_t kMaxLength = 15;
    const std::string kept(name.substr(0, kMaxLength));
#if defined(__APPLE__)
    // macOS names only the calling thread, so it takes no thread argument.
    pthread_setname_np(kept.c_str());
#elif defined(_WIN32)
    // Not named on Windows: only the console runs there, and it starts none of
    // the engine's named threads (SetThreadDescription is also missing from
    // MinGW's headers).
    (void)kept;
#else
    pthread_setname_np(pthread_self(), kept.c_str());
#endif
}

} // namespace mccig
