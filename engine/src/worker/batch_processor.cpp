#include "batch_processor.h"

#include "mccig/core/time_format.h"
#include "mccig/worker/retry_schedule.h"

#include <algorithm>

namespace mccig {
namespace {

constexpr const char* kSimulatedFailure = "simulated failure";
constexpr const char* kUnreadableEntry = "unreadable queue entry";

} // namespace

BatchProcessor::BatchProcessor(EventQueue& queue, PostgresEventRepository& repository, Acknowledger& acknowledger,
                               const WorkerSettings& settings, WorkerStatus& status, UnitRandom random)
    : m_queue(queue),
      m_repository(repository),
      m_acknowledger(acknowledger),
      m_settings(settings),
      m_status(status),
      m_random(std::move(random))
{
}

// Parses the event again, but only in simulation mode (a demonstration
// setting): the normal path never builds a JSON tree for an event.
bool BatchProcessor::isSimulatedFailure(const BatchMessage& message) const
{
    if (!m_settings.simulationMode)
        return false;
    const auto event = nlohmann::json::parse(message.entry.event, nullptr, false);
    if (!event.is_object() || !event.contains("rawMetadata") || !event["rawMetadata"].is_object())
        return false;
    const auto& rawMetadata = event["rawMetadata"];
    const auto metadata = rawMetadata.find("metadata");
    if (metadata == rawMetadata.end() || !metadata->is_object())
        return false;
    const auto flag = metadata->find("simulateFailure");
    return flag != metadata->end() && flag->is_boolean() && flag->get<bool>();
}

Result<void> BatchProcessor::settle(std::vector<BatchMessage>& pending)
{
    std::vector<BatchMessage*> toStore;
    toStore.reserve(pending.size());
    std::vector<Failure> failures;
    for (auto& message : pending) {
        if (message.row.empty())
            failures.push_back({&message, kUnreadableEntry});
        else if (isSimulatedFailure(message))
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
    std::erase_if(pending, [](const BatchMessage& message) { return message.entry.id.empty(); });
    return result;
}

Result<void> BatchProcessor::settleFailures(std::vector<Failure>& failures)
{
    for (auto& failure : failures) {
        if (failure.message->entry.id.empty())
            continue;
        if (auto charged = chargeAttempt(*failure.message, failure.error); !charged)
            return charged;
        failure.message->entry.id.clear();
    }
    failures.clear();
    return {};
}

Result<void> BatchProcessor::chargeAttempt(BatchMessage& message, const std::string& error)
{
    QueuedMessage failed = toQueuedMessage(message.entry);
    failed.attempts += 1;
    nlohmann::json record{{"at", formatUtc(std::chrono::system_clock::now())}, {"error", error}};
    const bool exhausted = failed.attempts >= m_settings.maxAttempts || !failed.event;
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
    if (!*moved)
        return {};
    exhausted ? m_status.countDeadLettered() : m_status.countRetried();
    if (m_settings.onFailure)
        m_settings.onFailure(WorkerFailure{failed.event ? failed.event->id : failed.entryId, failed.attempts, error,
                                           exhausted, exhausted ? std::chrono::milliseconds(0) : delay});
    return {};
}

Result<void> BatchProcessor::storeAndAcknowledge(std::vector<BatchMessage*>& toStore, std::vector<Failure>& failures)
{
    if (toStore.empty())
        return {};
    m_rows.clear();
    for (const auto* message : toStore)
        m_rows += message->row;
    auto stored = m_repository.storeRows(m_rows);
    if (stored) {
        m_status.reportOk(WorkerStatus::Backend::Database);
        acknowledge(toStore);
        return {};
    }
    if (isOutage(stored.error())) {
        m_status.reportFailure(WorkerStatus::Backend::Database, stored.error());
        return std::unexpected(stored.error());
    }
    return storeOneByOne(toStore, failures);
}

Result<void> BatchProcessor::storeOneByOne(std::vector<BatchMessage*>& toStore, std::vector<Failure>& failures)
{
    std::vector<BatchMessage*> stored;
    for (auto* message : toStore) {
        auto one = m_repository.storeRows(message->row);
        if (one) {
            stored.push_back(message);
        } else if (isOutage(one.error())) {
            m_status.reportFailure(WorkerStatus::Backend::Database, one.error());
            acknowledge(stored);
            return std::unexpected(one.error());
        } else {
            failures.push_back({message, one.error().message});
        }
    }
    acknowledge(stored);
    return {};
}

void BatchProcessor::acknowledge(const std::vector<BatchMessage*>& stored)
{
    if (stored.empty())
        return;
    std::vector<std::string> ids;
    ids.reserve(stored.size());
    for (auto* message : stored) {
        ids.push_back(std::move(message->entry.id));
        message->entry.id.clear();
    }
    m_acknowledger.submit(std::move(ids));
}

} // namespace mccig
