#include "mccig/worker/worker_service.h"

#include "worker_loop.h"

#include <boost/asio/ip/host_name.hpp>

#if defined(_WIN32)
#include <process.h>
#else
#include <unistd.h>
#endif

#include <atomic>

namespace mccig {
namespace {

// HOST-PID-N: unique across machines, processes and workers of one process.
std::string newConsumerName()
{
    static std::atomic<int> counter{0};
    boost::system::error_code error;
    std::string host = boost::asio::ip::host_name(error);
    if (error || host.empty())
        host = "host";
#if defined(_WIN32)
    const int pid = _getpid();
#else
    const int pid = static_cast<int>(getpid());
#endif
    return host + "-" + std::to_string(pid) + "-" + std::to_string(++counter);
}

} // namespace

WorkerService::WorkerService(std::shared_ptr<Backend> backend, WorkerSettings settings)
    : m_backend(std::move(backend)),
      m_settings(std::move(settings)),
      m_consumerName(newConsumerName()),
      m_loop(std::make_unique<WorkerLoop>(*m_backend, m_settings, m_consumerName))
{
}

WorkerService::~WorkerService() { stop(); }

void WorkerService::start()
{
    if (m_thread.joinable())
        return;
    m_thread = std::thread([this] { m_loop->run(); });
}

void WorkerService::stop()
{
    m_loop->requestStop();
    if (m_thread.joinable())
        m_thread.join();
}

WorkerHealth WorkerService::health() const { return m_loop->status().health(); }

WorkerCounters WorkerService::counters() const { return m_loop->status().counters(); }

} // namespace mccig
