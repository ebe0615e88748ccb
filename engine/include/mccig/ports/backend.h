#pragma once

#include "mccig/core/result.h"
#include "mccig/ports/admission_batch_sizes.h"
#include "mccig/ports/admission_gate.h"
#include "mccig/ports/api_key_store.h"
#include "mccig/ports/dead_letter_queue.h"
#include "mccig/ports/event_queue.h"
#include "mccig/ports/event_repository.h"
#include "mccig/ports/health_probe.h"
#include "mccig/ports/live_stats.h"
#include "mccig/ports/storing_acknowledger.h"
#include "mccig/ports/webhook_secret_store.h"

#include <boost/asio/io_context.hpp>

#include <memory>
#include <string>

namespace mccig {

// Port: the storage a process runs on, and the one door to it: every part of
// the product reaches storage through the instances it hands out. Each
// instance is for one thread (every worker thread, every admin pool thread
// asks for its own), all on the same data. Implementations: Redis +
// PostgreSQL, and embedded SQLite (docs/decisions/0008-one-backend-seam.md).
// Thread-safe: any thread may ask for instances; an instance may outlive
// nothing but the Backend that made it.
class Backend {
public:
    virtual ~Backend() = default;

    // What the logs and the start-up line call it: "redis+postgres" or "embedded".
    virtual std::string kind() const = 0;

    // Brings the stored schema up to date and returns how many migrations it
    // applied (`mccig-server migrate`). Idempotent.
    virtual Result<int> migrateSchema() = 0;
    // Everything a serving process needs before it starts: the schema and the
    // queue. Idempotent; every serving process calls it. Returns the
    // migrations applied.
    virtual Result<int> prepare() = 0;

    // The admission gate of one I/O thread: it answers on `io`.
    virtual std::unique_ptr<AdmissionGate> admissionGate(boost::asio::io_context& io) = 0;
    // How many admissions each call of this process's gates carried to the
    // store, since start. A backend that does not batch admissions into
    // calls reports none.
    virtual AdmissionBatchSizes admissionBatchSizes() const { return {}; }
    // A queue consumer named `consumerName` (unique per worker, across machines).
    virtual std::unique_ptr<EventQueue> eventQueue(const std::string& consumerName) = 0;
    virtual std::unique_ptr<EventRepository> eventRepository() = 0;
    // Stores and acknowledges for consumer `consumerName` in one transaction;
    // null where the queue and the store are apart (Redis + PostgreSQL), and
    // the worker acknowledges after the store's commit instead.
    virtual std::unique_ptr<StoringAcknowledger> storingAcknowledger(const std::string& consumerName) = 0;
    virtual std::unique_ptr<DeadLetterQueue> deadLetterQueue() = 0;
    virtual std::unique_ptr<LiveStats> liveStats() = 0;
    virtual std::unique_ptr<ApiKeyStore> apiKeyStore() = 0;
    virtual std::unique_ptr<WebhookSecretStore> webhookSecretStore() = 0;
    virtual std::unique_ptr<HealthProbe> healthProbe() = 0;
};

} // namespace mccig
