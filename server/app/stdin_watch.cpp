#include "app/stdin_watch.h"

#include "log/json_log.h"
#include "mccig/core/thread_name.h"

#include <cerrno>
#include <csignal>
#include <thread>

#include <unistd.h>

namespace mccig::server {

void stopWhenStdinCloses()
{
    std::thread([] {
        nameThisThread("mccig-stdin");
        // Whatever arrives is ignored; an error counts as the end as well.
        char buffer[256];
        for (;;) {
            const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (got == 0 || (got < 0 && errno != EINTR))
                break;
        }
        logInfo("standard input closed: stopping (--stop-with-stdin)");
        // To the process, not this thread: the signal thread's sigwait() takes it.
        ::kill(::getpid(), SIGINT);
    }).detach();
}

} // namespace mccig::server
