#pragma once

#include "queue_signal.h"
#include "sqlite_connection.h"

#include "mccig/ports/dead_letter_queue.h"

namespace mccig::embedded {

// DeadLetterQueue on the embedded database: `dead_letters` rows, newest
// failure first. Replaying moves a row back to `queue` with attempts reset,
// in one transaction. One thread per instance.
class EmbeddedDeadLetterQueue final : public DeadLetterQueue {
public:
    explicit EmbeddedDeadLetterQueue(SqliteConnection connection, QueueSignal* signal = nullptr);

    Result<DeadLetterPage> list(const DeadLetterPageRequest& request) override;
    Result<bool> replay(const std::string& id) override;
    Result<long long> replayAll(const std::optional<std::string>& tenantId) override;
    Result<bool> remove(const std::string& id) override;

private:
    Result<long long> moveToQueue(const std::string& where, const std::optional<std::string>& value);

    SqliteConnection m_connection;
    QueueSignal* m_signal;
};

} // namespace mccig::embedded
