#pragma once

#include "mccig/core/result.h"
#include "mccig/domain/conversation_event.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace mccig {

// One message taken from the queue, as queued: nothing is parsed, so the
// worker stores the event text as it is (EventRepository::storeQueued) and
// parses only a message that fails.
struct QueuedMessage {
    std::string entryId;             // the queue's own id for this delivery
    std::string eventText;           // the event JSON exactly as queued
    int attempts = 0;                // failed attempts so far
    std::string failuresText = "[]"; // JSON array [{"at","error","retryAfterMs"?}...], oldest first

    // The event; empty when eventText is not a readable event.
    std::optional<ConversationEvent> event() const;
    // The failures so far; none when failuresText is not a JSON array.
    nlohmann::json failures() const;
    // Counts one more failed attempt, described by `record`.
    void addFailure(nlohmann::json record);
};

// What releaseDueRetries() did, and when the next retry falls due.
struct RetryRelease {
    std::size_t released = 0;
    std::optional<std::chrono::milliseconds> nextDueIn; // empty: no retry waiting
};

// Port: the durable queue between ingestion and storage, read by a group of
// workers on any number of machines. A message taken by read() or claim()
// stays pending, owned by this consumer, until exactly one of acknowledge(),
// scheduleRetry() or deadLetter() settles it; a worker that dies leaves it
// pending and another worker claims it after the idle time.
//
// The settle calls are atomic and settle an entry only once: when two workers
// hold the same entry (one was presumed dead), the second settle is a no-op
// that returns false. Every call is bounded by the backend timeout; failures
// are outages (Unavailable/Timeout) or Rejected. One thread per instance.
class EventQueue {
public:
    virtual ~EventQueue() = default;

    // Connects and creates the queue when missing; idempotent. A worker calls
    // it at start, so its health is known before the first batch.
    virtual Result<void> ensureReady() = 0;

    // Appends events (ingest does this through the AdmissionGate; tests,
    // replays and benchmarks use this). Returns the entry ids.
    virtual Result<std::vector<std::string>> enqueue(const std::vector<ConversationEvent>& events) = 0;

    // Up to `maxCount` new messages for this consumer, waiting at most `block`.
    virtual Result<std::vector<QueuedMessage>> read(std::size_t maxCount, std::chrono::milliseconds block) = 0;

    // Takes over messages another consumer has held for at least `minIdle`.
    virtual Result<std::vector<QueuedMessage>> claimAbandoned(std::chrono::milliseconds minIdle,
                                                              std::size_t maxCount) = 0;

    // The messages are stored: remove them from the queue (after the commit).
    // Returns how many this call settled: an entry another worker settled
    // first, or an id given twice, is not counted again.
    virtual Result<std::size_t> acknowledge(const std::vector<std::string>& entryIds) = 0;

    // Removes the entry and queues `message` (attempts and failures already
    // updated by the caller) again after `delay`.
    virtual Result<bool> scheduleRetry(const QueuedMessage& message, std::chrono::milliseconds delay) = 0;

    // Removes the entry and keeps `message` in the dead-letter queue.
    virtual Result<bool> deadLetter(const QueuedMessage& message, const std::string& lastError) = 0;

    // Puts retries that are due back on the queue (at most `maxCount`).
    virtual Result<RetryRelease> releaseDueRetries(std::size_t maxCount) = 0;

    // Forgets consumers that have been idle for `minIdle` and hold nothing
    // (workers gone for good), never one that holds a message. Returns how
    // many were forgotten.
    virtual Result<std::size_t> removeIdleConsumers(std::chrono::milliseconds minIdle) = 0;
};

} // namespace mccig
