#include "checkpointer.h"

#include "mccig/core/thread_name.h"

namespace mccig::embedded {
namespace {

constexpr auto kInterval = std::chrono::milliseconds(200);

} // namespace

Checkpointer::Checkpointer(SqliteConnection connection)
    : m_connection(std::move(connection))
    , m_thread([this] { run(); })
{
}

Checkpointer::~Checkpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void Checkpointer::run()
{
    nameThisThread("mccig-checkpoint");
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, kInterval, [this] { return m_stopping; }))
        (void)m_connection.exec("PRAGMA wal_checkpoint(PASSIVE)");
    (void)m_connection.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

} // namespace mccig::embedded
