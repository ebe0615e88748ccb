#include "batch_processor.h"

#include "mccig/core/time_format.h"
#include "mccig/worker/retry_schedule.h"

#include <algorithm>

namespace mccig {
namespace {

constexpr const char* kSimulatedFailure = "simulated failure";
constexpr const char* kUnreadableEntry = "unreadable queue entry";

} // namespace

BatchProcessor::BatchProcessor(EventQueue& queue, EventRepository& repository, const WorkerSettings& settings,
                               WorkerStatus& status, UnitRandom random)
    : m_queue(queue), m_repository(repository), m_settings(settings), m_status(status), m_random(std::move(random))
{
}

bool BatchProcessor::isSimulatedFailure(const ConversationEvent& event) const
{
    if (!m_settings.simulationMode)
        return false;
    const auto metadata = event.rawMetadata.find("metadata");
    if (metadata == event.rawMetadata.end() || !metadata->is_object())
        return false;
    const auto flag = metadata->find("simulateFailure");
    return flag != metadata->end() && flag->is_boolean() && flag->get<bool>();
}

Result<void> BatchProcessor::settle(std::vector<QueuedMessage>& pending)
{
    std::vector<QueuedMessage*> toStore;
    std::vector<Failure> failures;
    for (auto& message : pending) {
        if (!message.event)
            failures.push_back({&message, kUnreadableEntry});
        else if (isSimulatedFailure(*message.event))
            failures.push_back({&message, kSimulatedFailure});
        else
            toStore.push_back(&message);
    }
    // Settled messages are marked by an empty entry id and dropped at the end,
    // whatever happens in between, so a retry after an outage redoes only the rest.
    auto result = settleFailures(failures);
    if (result)
        result = storeAndAcknowledge(toStore, failures);
    if (result)
        result = settleFailures(failures);
    std::erase_if(pending, [](const QueuedMessage& message) { return message.entryId.empty(); });
    return result;
}

Result<void> BatchProcessor::settleFailures(std::vector<Failure>& failures)
{
    for (auto& failure : failures) {
        if (failure.message->entryId.empty())
            continue;
        if (auto charged = chargeAttempt(*failure.message, failure.error); !charged)
            return charged;
        failure.message->entryId.clear();
    }
    failures.clear();
    return {};
}

Result<void> BatchProcessor::chargeAttempt(QueuedMessage& message, const std::string& error)
{
    QueuedMessage failed = message;
    failed.attempts += 1;
    nlohmann::json record{{"at", formatUtc(std::chrono::system_clock::now())}, {"error", error}};
    const bool exhausted = failed.attempts >= m_settings.maxAttempts || !message.event;
    const auto delay = retryDelay(failed.attempts, m_settings.retryBase, m_random());
    if (!exhausted)
        record["retryAfterMs"] = delay.count();
    failed.failures.push_back(std::move(record));
    auto moved = exhausted ? m_queue.deadLetter(failed, error) : m_queue.scheduleRetry(failed, delay);
    if (!moved) {
        m_status.reportFailure(WorkerStatus::Backend::Redis, moved.error());
        return std::unexpected(moved.error());
    }
    m_status.reportOk(WorkerStatus::Backend::Redis);
    // false: another worker that had claimed the entry settled it first.
    if (*moved)
        exhausted ? m_status.countDeadLettered() : m_status.countRetried();
    return {};
}

Result<void> BatchProcessor::storeAndAcknowledge(std::vector<QueuedMessage*>& toStore, std::vector<Failure>& failures)
{
    if (toStore.empty())
        return {};
    // Moved out and back rather than copied: a copy of every event's metadata
    // tree was a tenth of the worker's time.
    std::vector<ConversationEvent> events;
    events.reserve(toStore.size());
    for (auto* message : toStore)
        events.push_back(std::move(*message->event));
    auto stored = m_repository.storeBatch(events);
    for (std::size_t i = 0; i < toStore.size(); ++i)
        toStore[i]->event = std::move(events[i]);
    if (stored) {
        m_status.reportOk(WorkerStatus::Backend::Database);
        return acknowledge(toStore);
    }
    if (isOutage(stored.error())) {
        m_status.reportFailure(WorkerStatus::Backend::Database, stored.error());
        return std::unexpected(stored.error());
    }
    return storeOneByOne(toStore, failures);
}

Result<void> BatchProcessor::storeOneByOne(std::vector<QueuedMessage*>& toStore, std::vector<Failure>& failures)
{
    std::vector<QueuedMessage*> stored;
    for (auto* message : toStore) {
        auto one = m_repository.storeBatch({*message->event});
        if (one) {
            stored.push_back(message);
        } else if (isOutage(one.error())) {
            m_status.reportFailure(WorkerStatus::Backend::Database, one.error());
            if (auto acked = acknowledge(stored); !acked)
                return acked;
            return std::unexpected(one.error());
        } else {
            failures.push_back({message, one.error().message});
        }
    }
    return acknowledge(stored);
}

Result<void> BatchProcessor::acknowledge(const std::vector<QueuedMessage*>& stored)
{
    if (stored.empty())
        return {};
    std::vector<std::string> ids;
    ids.reserve(stored.size());
    for (const auto* message : stored)
        ids.push_back(message->entryId);
    if (auto acked = m_queue.acknowledge(ids); !acked) {
        // Stored but still pending: settling again stores nothing new (the
        // unique key) and acknowledges then.
        m_status.reportFailure(WorkerStatus::Backend::Redis, acked.error());
        return acked;
    }
    m_status.reportOk(WorkerStatus::Backend::Redis);
    m_status.countPersisted(stored.size());
    for (auto* message : stored)
        message->entryId.clear();
    return {};
}

} // namespace mccig
