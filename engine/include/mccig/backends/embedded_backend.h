#pragma once

#include "mccig/core/clock.h"
#include "mccig/ports/backend.h"

#include <chrono>
#include <filesystem>
#include <memory>

namespace mccig {

struct EmbeddedSettings {
    std::filesystem::path dataDir;
    // Sync every commit to disk (SQLite synchronous=FULL) instead of at
    // checkpoints: nothing answered is lost even on a power cut.
    bool fullFsync = false;
    // false: a tool beside a running gateway (`mccig-server keys`). It takes
    // no lock and runs no admission writer; its admission gate refuses.
    bool exclusive = true;
    std::chrono::milliseconds timeout{2000}; // bound of a health probe
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

    std::string kind() const override;
    // Both answer the schema migrations open() applied: it must apply them
    // before the writer starts.
    Result<int> migrateSchema() override;
    Result<int> prepare() override;
    std::unique_ptr<AdmissionGate> admissionGate(boost::asio::io_context& io) override;
    // Admissions per group commit of the admission writer.
    AdmissionBatchSizes admissionBatchSizes() const override;
    std::unique_ptr<EventQueue> eventQueue(const std::string& consumerName) override;
    std::unique_ptr<EventRepository> eventRepository() override;
    std::unique_ptr<StoringAcknowledger> storingAcknowledger(const std::string& consumerName) override;
    std::unique_ptr<DeadLetterQueue> deadLetterQueue() override;
    std::unique_ptr<LiveStats> liveStats() override;
    std::unique_ptr<ApiKeyStore> apiKeyStore() override;
    std::unique_ptr<WebhookSecretStore> webhookSecretStore() override;
    std::unique_ptr<HealthProbe> healthProbe() override;

    class Parts; // the private machinery

private:
    explicit EmbeddedBackend(std::unique_ptr<Parts> parts);

    std::unique_ptr<Parts> m_parts;
};

} // namespace mccig
