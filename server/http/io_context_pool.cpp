#include "http/io_context_pool.h"

#include "log/json_log.h"
#include "mccig/core/thread_name.h"

#include <limits>

namespace mccig::server {
namespace {

constexpr std::size_t kNotAnIoThread = std::numeric_limits<std::size_t>::max();
thread_local std::size_t t_contextIndex = kNotAnIoThread;

} // namespace

IoContextPool::IoContextPool(std::size_t size)
{
    const std::size_t count = size == 0 ? 1 : size;
    for (std::size_t i = 0; i < count; ++i) {
        // Concurrency hint 1: each context is run by one thread, so Asio may skip its locks.
        m_contexts.push_back(std::make_unique<boost::asio::io_context>(1));
        m_guards.emplace_back(boost::asio::make_work_guard(*m_contexts.back()));
    }
}

IoContextPool::~IoContextPool()
{
    stop();
    join();
}

boost::asio::io_context& IoContextPool::nextContext()
{
    return *m_contexts[m_next.fetch_add(1, std::memory_order_relaxed) % m_contexts.size()];
}

void IoContextPool::start(const std::function<void(std::size_t index)>& onThreadStart)
{
    for (std::size_t i = 0; i < m_contexts.size(); ++i) {
        m_threads.emplace_back([this, i, onThreadStart] {
            t_contextIndex = i;
            nameThisThread("mccig-io");
            if (onThreadStart)
                onThreadStart(i);
            runCatching(*m_contexts[i]);
        });
    }
}

void IoContextPool::runCatching(boost::asio::io_context& context)
{
    // A handler that throws has a bug, but the thread's other connections
    // are innocent: log it and go on running the context.
    for (;;) {
        try {
            context.run();
            return;
        } catch (const std::exception& error) {
            logError("an I/O thread handler failed", {{"error", error.what()}});
        }
    }
}

void IoContextPool::stop()
{
    for (auto& guard : m_guards)
        guard.reset();
    for (auto& context : m_contexts)
        context->stop();
}

void IoContextPool::join()
{
    for (auto& thread : m_threads) {
        if (thread.joinable())
            thread.join();
    }
    m_threads.clear();
}

std::size_t IoContextPool::currentIndex() { return t_contextIndex; }

} // namespace mccig::server
