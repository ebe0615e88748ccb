#pragma once

#include "admission_writer.h"
#include "checkpointer.h"
#include "data_dir.h"
#include "embedded_dead_letter_queue.h"
#include "embedded_event_queue.h"
#include "embedded_event_repository.h"
#include "embedded_live_stats.h"
#include "queue_signal.h"

#include "mccig/core/clock.h"
#include "mccig/ports/admission_gate.h"

#include <boost/asio/any_io_executor.hpp>

#include <filesystem>
#include <memory>

namespace mccig::embedded {

struct EmbeddedSettings {
    std::filesystem::path dataDir;
    Durability durability = Durability::Normal;
};

// The whole embedded backend of one process: the locked data dir, its schema,
// the one admission writer (group commit), the checkpointer, and a signal
// that wakes this process's workers when messages arrive. Hands out port
// instances, each with its own connection, for one thread each. Open it once
// at start; every instance must be gone before it is.
class EmbeddedBackend {
public:
    // Takes the data dir (Rejected, with a message for the user, when it is
    // unusable or held by another process) and brings its schema up to date.
    static Result<std::unique_ptr<EmbeddedBackend>> open(const EmbeddedSettings& settings, const Clock& clock);

    const std::filesystem::path& dataDir() const { return m_dataDir.folder(); }

    std::unique_ptr<AdmissionGate> admissionGate(boost::asio::any_io_executor executor);
    std::unique_ptr<EventQueue> eventQueue(const std::string& consumerName);
    std::unique_ptr<EventRepository> eventRepository();
    std::unique_ptr<DeadLetterQueue> deadLetterQueue();
    std::unique_ptr<EmbeddedLiveStats> liveStats();

private:
    EmbeddedBackend(DataDir dataDir, Durability durability, const Clock& clock);
    SqliteConnection connection() const;

    DataDir m_dataDir;
    Durability m_durability;
    const Clock& m_clock;
    QueueSignal m_signal;
    Checkpointer m_checkpointer;
    AdmissionWriter m_writer; // last: its thread may use everything above
};

} // namespace mccig::embedded
