#pragma once

#include "sqlite_connection.h"

#include "mccig/core/clock.h"
#include "mccig/ports/storing_acknowledger.h"

#include <memory>
#include <string>

namespace mccig {
class QueuedEventReader;
}

namespace mccig::embedded {

// StoringAcknowledger on the embedded database, where `queue` and
// `conversation_events` are tables of one file: a batch's rows are inserted
// and its entries deleted in one transaction, one write turn. One thread per
// instance.
class EmbeddedStoringAcknowledger final : public StoringAcknowledger {
public:
    EmbeddedStoringAcknowledger(SqliteConnection connection, std::string consumerName, const Clock& clock);
    ~EmbeddedStoringAcknowledger() override;

    Result<StoredAndAcknowledged> storeAndAcknowledge(std::span<const QueuedMessage> messages) override;

private:
    SqliteConnection m_connection;
    std::string m_consumerName;
    const Clock& m_clock;
    std::unique_ptr<QueuedEventReader> m_reader;
};

} // namespace mccig::embedded
