#include "blocking_pool.h"

#include "log/json_log.h"
#include "mccig/core/thread_name.h"

#include <utility>

namespace mccig::server {

BlockingPool::BlockingPool(std::size_t threadCount, std::size_t queueCapacity)
    : m_threadCount(threadCount == 0 ? 1 : threadCount)
    , m_queueCapacity(queueCapacity == 0 ? 1 : queueCapacity)
{
    m_threads.reserve(m_threadCount);
    for (std::size_t i = 0; i < m_threadCount; ++i)
        m_threads.emplace_back([this] {
            nameThisThread("mccig-blocking");
            runWorker();
        });
}

BlockingPool::~BlockingPool() { stop(); }

bool BlockingPool::submit(std::function<void()> task)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_tasks.size() >= m_queueCapacity)
            return false;
        m_tasks.push_back(std::move(task));
    }
    m_wakeUp.notify_one();
    return true;
}

void BlockingPool::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wakeUp.notify_all();
    for (auto& thread : m_threads) {
        if (thread.joinable())
            thread.join();
    }
}

void BlockingPool::runWorker()
{
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            m_wakeUp.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
            // Queued tasks still run after stop(): each owes some client an answer.
            if (m_tasks.empty())
                return;
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        try {
            task();
        } catch (const std::exception& error) {
            // The task's bug must not take the pool thread, or the process, with it.
            logError("a blocking pool task failed", {{"error", error.what()}});
        }
    }
}

} // namespace mccig::server
