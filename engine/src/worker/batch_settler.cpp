#include "batch_settler.h"

#include "mccig/core/time_format.h"
#include "mccig/worker/retry_schedule.h"

#include <algorithm>
#include <span>

namespace mccig {
namespace {

constexpr const char* kSimulatedFailure = "simulated failure";
constexpr const char* kUnreadableEntry = "unreadable queue entry";

// Keeps the messages not settled, in their order.
void dropSettled(std::vector<QueuedMessage>& pending, const std::vector<bool>& settled)
{
    std::size_t kept = 0;
    for (std::size_t i = 0; i < pending.size(); ++i) {
        if (settled[i])
            continue;
        if (kept != i)
            pending[kept] = std::move(pending[i]);
        ++kept;
    }
    pending.resize(kept);
}

} // namespace

BatchSettler::BatchSettler(Backend& backend, const std::string& consumerName, const WorkerSettings& settings,
                           Acknowledger& acknowledger, WorkerStatus& status)
    : m_queue(backend.eventQueue(consumerName)),
      m_repository(backend.eventRepository()),
      m_storingAcknowledger(backend.storingAcknowledger(consumerName)),
      m_acknowledger(acknowledger),
      m_settings(settings),
      m_status(status),
      m_random(std::random_device{}())
{
}

Result<void> BatchSettler::connect() { return m_repository->ensureReady(); }

// Parses the event again, but only in simulation mode (a demonstration
// setting): the normal path never builds a JSON tree for an event.
bool BatchSettler::isSimulatedFailure(const QueuedMessage& message) const
{
    const auto event = nlohmann::json::parse(message.eventText, nullptr, false);
    if (!event.is_object() || !event.contains("rawMetadata") || !event["rawMetadata"].is_object())
        return false;
    const auto& rawMetadata = event["rawMetadata"];
    const auto metadata = rawMetadata.find("metadata");
    if (metadata == rawMetadata.end() || !metadata->is_object())
        return false;
    const auto flag = metadata->find("simulateFailure");
    return flag != metadata->end() && flag->is_boolean() && flag->get<bool>();
}

// Returns how many messages lead the batch that are not simulated failures.
std::size_t BatchSettler::moveSimulatedFailuresLast(std::vector<QueuedMessage>& pending) const
{
    if (!m_settings.simulationMode)
        return pending.size();
    const auto firstFailing = std::stable_partition(
        pending.begin(), pending.end(), [this](const QueuedMessage& message) { return !isSimulatedFailure(message); });
    return static_cast<std::size_t>(firstFailing - pending.begin());
}

Result<void> BatchSettler::settle(std::vector<QueuedMessage>& pending)
{
    const std::size_t storable = moveSimulatedFailuresLast(pending);
    std::vector<Failure> failures;
    for (std::size_t i = storable; i < pending.size(); ++i)
        failures.push_back({i, kSimulatedFailure});
    // Settled messages are dropped at the end, whatever happens in between,
    // so a retry after an outage redoes only the rest.
    std::vector<bool> settled(pending.size(), false);
    auto result = store(pending, storable, settled, failures);
    if (result)
        result = chargeFailures(pending, failures, settled);
    dropSettled(pending, settled);
    return result;
}

// Stores the first `count` messages; unreadable and refused ones join `failures`.
Result<void> BatchSettler::store(std::vector<QueuedMessage>& pending, std::size_t count, std::vector<bool>& settled,
                                 std::vector<Failure>& failures)
{
    if (count == 0)
        return {};
    auto stored = storeQueued(std::span<const QueuedMessage>(pending.data(), count));
    if (stored) {
        m_status.reportOk(WorkerStatus::Part::Store);
        std::vector<std::size_t> storedIndices;
        storedIndices.reserve(count);
        auto unreadable = stored->unreadable.begin();
        for (std::size_t i = 0; i < count; ++i) {
            if (unreadable != stored->unreadable.end() && *unreadable == i) {
                failures.push_back({i, kUnreadableEntry});
                ++unreadable;
            } else {
                storedIndices.push_back(i);
            }
        }
        acknowledge(pending, storedIndices, settled);
        return {};
    }
    if (isOutage(stored.error())) {
        m_status.reportFailure(WorkerStatus::Part::Store, stored.error());
        return std::unexpected(stored.error());
    }
    return storeOneByOne(pending, count, settled, failures);
}

Result<void> BatchSettler::storeOneByOne(std::vector<QueuedMessage>& pending, std::size_t count,
                                         std::vector<bool>& settled, std::vector<Failure>& failures)
{
    std::vector<std::size_t> stored;
    for (std::size_t i = 0; i < count; ++i) {
        auto one = storeQueued(std::span<const QueuedMessage>(&pending[i], 1));
        if (!one && isOutage(one.error())) {
            m_status.reportFailure(WorkerStatus::Part::Store, one.error());
            acknowledge(pending, stored, settled);
            return std::unexpected(one.error());
        }
        if (!one)
            failures.push_back({i, one.error().message});
        else if (!one->unreadable.empty())
            failures.push_back({i, kUnreadableEntry});
        else
            stored.push_back(i);
    }
    acknowledge(pending, stored, settled);
    return {};
}

Result<QueuedStoreOutcome> BatchSettler::storeQueued(std::span<const QueuedMessage> messages)
{
    if (!m_storingAcknowledger)
        return m_repository->storeQueued(messages);
    auto settled = m_storingAcknowledger->storeAndAcknowledge(messages);
    if (!settled)
        return std::unexpected(settled.error());
    m_status.reportOk(WorkerStatus::Part::Queue);
    m_status.countPersisted(settled->acknowledged);
    return std::move(settled->stored);
}

Result<void> BatchSettler::chargeFailures(const std::vector<QueuedMessage>& pending,
                                          const std::vector<Failure>& failures, std::vector<bool>& settled)
{
    for (const auto& failure : failures) {
        if (auto charged = chargeAttempt(pending[failure.index], failure.error); !charged)
            return charged;
        settled[failure.index] = true;
    }
    return {};
}

Result<void> BatchSettler::chargeAttempt(const QueuedMessage& message, const std::string& error)
{
    QueuedMessage failed = message;
    const int attempts = failed.attempts + 1;
    nlohmann::json record{{"at", formatUtc(std::chrono::system_clock::now())}, {"error", error}};
    const bool exhausted = attempts >= m_settings.maxAttempts || !failed.event();
    const auto delay = retryDelay(attempts, m_settings.retryBase, std::uniform_real_distribution<double>(0.0, 1.0)(m_random));
    if (!exhausted)
        record["retryAfterMs"] = delay.count();
    failed.addFailure(std::move(record));
    auto moved = exhausted ? m_queue->deadLetter(failed, error) : m_queue->scheduleRetry(failed, delay);
    if (!moved) {
        m_status.reportFailure(WorkerStatus::Part::Queue, moved.error());
        return std::unexpected(moved.error());
    }
    m_status.reportOk(WorkerStatus::Part::Queue);
    // false: another worker that had claimed the entry settled it first.
    if (!*moved)
        return {};
    exhausted ? m_status.countDeadLettered() : m_status.countRetried();
    if (m_settings.onFailure) {
        const auto event = failed.event();
        m_settings.onFailure(WorkerFailure{event ? event->id : failed.entryId, attempts, error, exhausted,
                                           exhausted ? std::chrono::milliseconds(0) : delay});
    }
    return {};
}

void BatchSettler::acknowledge(std::vector<QueuedMessage>& pending, const std::vector<std::size_t>& stored,
                               std::vector<bool>& settled)
{
    if (stored.empty())
        return;
    if (m_storingAcknowledger) {
        for (const auto index : stored)
            settled[index] = true;
        return;
    }
    std::vector<std::string> ids;
    ids.reserve(stored.size());
    for (const auto index : stored) {
        ids.push_back(std::move(pending[index].entryId));
        settled[index] = true;
    }
    m_acknowledger.submit(std::move(ids));
}

} // namespace mccig
