#pragma once

#include "mccig/core/clock.h"
#include "mccig/ports/admission_gate.h"
#include "mccig/ports/backend.h"
#include "mccig/ports/dead_letter_queue.h"

#include <boost/asio/any_io_executor.hpp>

#include <filesystem>
#include <memory>

namespace mccig {

struct EmbeddedSettings {
    std::filesystem::path dataDir;
    // Sync every commit to disk (SQLite synchronous=FULL) instead of at
    // checkpoints: nothing answered is lost even on a power cut.
    bool fullFsync = false;
};

// The Backend on one SQLite database in a data dir, for the whole product in
// one process with no servers (docs/embedded-backend.md). It owns the data
// dir's lock, the one admission writer (group commit) and a checkpointer;
// every instance it hands out has its own connection, opened on first use.
class EmbeddedBackend final : public Backend {
public:
    // Takes the data dir (ErrorKind::Rejected, with a message for the user,
    // when it is unusable or another process holds it) and brings its schema
    // up to date.
    static Result<std::shared_ptr<EmbeddedBackend>> open(const EmbeddedSettings& settings,
                                                         std::shared_ptr<const Clock> clock);
    ~EmbeddedBackend() override;

    const std::filesystem::path& dataDir() const;

    std::unique_ptr<EventQueue> eventQueue(const std::string& consumerName) override;
    std::unique_ptr<EventRepository> eventRepository() override;
    // The admission gate of one I/O thread: answers are posted to `executor`.
    std::unique_ptr<AdmissionGate> admissionGate(boost::asio::any_io_executor executor);
    std::unique_ptr<DeadLetterQueue> deadLetterQueue();

    class Parts; // the private machinery

private:
    explicit EmbeddedBackend(std::unique_ptr<Parts> parts);

    std::unique_ptr<Parts> m_parts;
};

} // namespace mccig
