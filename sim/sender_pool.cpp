#include "sender_pool.h"

#include <thread>
#include <vector>

namespace mccig::sim {

void runPacedSenders(const TargetUrl& target, int senders, PacedScheduler& scheduler,
                     const std::function<void(std::size_t, int, HttpClient&)>& send)
{
    std::vector<std::jthread> threads;
    threads.reserve(static_cast<std::size_t>(senders));
    for (int index = 0; index < senders; ++index) {
        threads.emplace_back([&, index] {
            HttpClient client(target);
            while (const auto slot = scheduler.next())
                send(*slot, index, client);
        });
    }
}

} // namespace mccig::sim
