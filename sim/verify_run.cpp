#include "verify_run.h"

#include "send_side_checks.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <thread>

namespace mccig::sim {
namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(100);
constexpr auto kDeadLetterGrace = std::chrono::seconds(2);
constexpr int kDeadLetterPage = 500; // the admin API's largest page

std::string messageKey(const SendOutcome& outcome)
{
    return outcome.tenant + '/' + std::string(channelName(outcome.channel)) + '/' + outcome.providerMessageId;
}

// Every message of the mixed traffic and the noisy phase that the gateway
// admitted, once each (a 200 for a message this run sent only once means an
// earlier copy of that very request was accepted).
std::vector<const SendOutcome*> admittedMessages(const Manifest& manifest)
{
    std::vector<const SendOutcome*> messages;
    std::set<std::string> seen;
    for (const auto* phase : {&manifest.traffic, &manifest.noisy})
        for (const auto& outcome : *phase)
            if (outcome.admitted() && seen.insert(messageKey(outcome)).second)
                messages.push_back(&outcome);
    return messages;
}

} // namespace

VerifyRun::VerifyRun(const Manifest& manifest, VerifySettings settings)
    : m_manifest(manifest)
    , m_settings(std::move(settings))
    , m_admin(m_settings.target, m_settings.adminKey)
{
}

Result<std::vector<CheckResult>> VerifyRun::run()
{
    m_started = std::chrono::steady_clock::now();
    if (auto probe = m_admin.probe(); !probe)
        return std::unexpected(probe.error());
    std::int64_t depth = 0;
    auto drained = waitForDrain(depth);
    if (!drained)
        return std::unexpected(drained.error());

    std::vector<CheckResult> results;
    for (const CheckKind kind : m_settings.checks) {
        Result<CheckResult> result = CheckResult{};
        switch (kind) {
        case CheckKind::Persistence: result = verifyPersistence(*drained, depth); break;
        case CheckKind::Replay: result = verifyReplay(); break;
        case CheckKind::Noisy: result = judgeNoisyNeighbour(m_manifest.noisy, m_manifest.noisyTenant); break;
        case CheckKind::Failures: result = verifyFailures(); break;
        }
        if (!result)
            return std::unexpected(result.error());
        results.push_back(std::move(*result));
    }
    return results;
}

Result<bool> VerifyRun::waitForDrain(std::int64_t& depth)
{
    const auto deadline = m_started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                          std::chrono::duration<double>(m_settings.drainTimeoutSeconds));
    while (true) {
        auto current = m_admin.queueDepth();
        if (!current)
            return std::unexpected(current.error());
        depth = *current;
        if (depth == 0)
            return true;
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(kPollInterval);
    }
}

Result<std::vector<std::int64_t>> VerifyRun::countRows(const std::vector<const SendOutcome*>& messages)
{
    std::vector<std::int64_t> counts(messages.size(), -1);
    std::atomic<std::size_t> next{0};
    std::mutex errorMutex; // guards firstError, written by whichever thread fails first
    std::optional<Error> firstError;
    {
        std::vector<std::jthread> threads;
        for (int t = 0; t < m_settings.connections; ++t) {
            threads.emplace_back([&] {
                AdminClient admin(m_settings.target, m_settings.adminKey);
                for (std::size_t i = next++; i < messages.size(); i = next++) {
                    auto count = admin.eventCount(messages[i]->tenant, messages[i]->channel,
                                                  messages[i]->providerMessageId);
                    if (!count) {
                        const std::lock_guard lock(errorMutex);
                        firstError = firstError.value_or(count.error());
                        return;
                    }
                    counts[i] = *count;
                }
            });
        }
    }
    if (firstError)
        return std::unexpected(*firstError);
    return counts;
}

Result<CheckResult> VerifyRun::verifyPersistence(bool drained, std::int64_t depth)
{
    CheckResult result{CheckKind::Persistence, true, {}, {}, 0};
    if (!drained)
        result.addProblem("the queue still held " + std::to_string(depth) + " message(s) after " +
                          std::to_string(static_cast<int>(m_settings.drainTimeoutSeconds)) + " s");
    const auto messages = admittedMessages(m_manifest);
    if (messages.empty() && m_manifest.traffic.size() + m_manifest.noisy.size() > 0)
        result.addProblem("no message was admitted: nothing to verify (see the traffic answers)");
    auto counts = countRows(messages);
    if (!counts)
        return std::unexpected(counts.error());
    std::size_t exact = 0;
    std::map<std::string, std::size_t> perTenant;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        ++perTenant[messages[i]->tenant];
        if ((*counts)[i] == 1)
            ++exact;
        else
            result.addProblem(messageKey(*messages[i]) + ": " + std::to_string((*counts)[i]) +
                              " row(s), expected exactly 1");
    }
    result.summary = std::to_string(messages.size()) + " admitted messages, " + std::to_string(exact) +
                     " stored exactly once (";
    for (const auto& [tenant, count] : perTenant)
        result.summary += (result.summary.back() == '(' ? "" : ", ") + tenant + ' ' + std::to_string(count);
    result.summary += ')';
    return result;
}

Result<CheckResult> VerifyRun::verifyReplay()
{
    CheckResult result = judgeReplayAnswers(m_manifest.replay);
    if (m_manifest.replay.empty())
        return result;
    auto counts = countRows({&m_manifest.replay.front()});
    if (!counts)
        return std::unexpected(counts.error());
    result.summary += ", " + std::to_string(counts->front()) + " row(s)";
    if (counts->front() != 1)
        result.addProblem(messageKey(m_manifest.replay.front()) + ": " + std::to_string(counts->front()) +
                          " row(s), expected exactly 1");
    return result;
}

Result<std::vector<DeadLetter>> VerifyRun::waitForDeadLetters()
{
    std::set<std::string> wanted;
    for (const auto& outcome : m_manifest.failures)
        if (outcome.status == 202)
            wanted.insert(outcome.eventId);
    // run() waited for the queue to drain, so every dead letter is written
    // by now; the short grace only covers a worker that moved its last
    // message to the dead-letter queue a moment after the depth read 0.
    const auto deadline = std::chrono::steady_clock::now() + kDeadLetterGrace;
    while (true) {
        auto letters = m_admin.deadLetters(kDeadLetterPage);
        if (!letters)
            return letters;
        const auto found = std::ranges::count_if(*letters, [&](const DeadLetter& letter) {
            return wanted.contains(letter.eventId);
        });
        if (static_cast<std::size_t>(found) == wanted.size() || std::chrono::steady_clock::now() >= deadline)
            return letters;
        std::this_thread::sleep_for(kPollInterval);
    }
}

Result<CheckResult> VerifyRun::verifyFailures()
{
    CheckResult result{CheckKind::Failures, true, {}, {}, 0};
    std::map<std::string, const SendOutcome*> failures; // by eventId
    for (const auto& outcome : m_manifest.failures) {
        if (outcome.status == 202)
            failures[outcome.eventId] = &outcome;
        else
            result.addProblem(messageKey(outcome) + ": not accepted (HTTP " + std::to_string(outcome.status) + ')');
    }
    auto letters = waitForDeadLetters();
    if (!letters)
        return std::unexpected(letters.error());
    std::set<std::string> dead;
    for (const auto& letter : *letters) {
        const bool ours = letter.providerMessageId.find(m_manifest.runId) != std::string::npos;
        if (failures.contains(letter.eventId)) {
            dead.insert(letter.eventId);
            const bool attemptsOk = m_settings.expectAttempts ? letter.attempts == *m_settings.expectAttempts
                                                              : letter.attempts >= 2;
            if (!attemptsOk)
                result.addProblem(letter.providerMessageId + ": dead-lettered after " +
                                  std::to_string(letter.attempts) + " attempt(s)");
        } else if (ours) {
            result.addProblem(letter.tenant + '/' + letter.providerMessageId +
                              ": dead-lettered but not marked to fail (" + letter.lastError + ')');
        }
    }
    for (const auto& [eventId, outcome] : failures)
        if (!dead.contains(eventId))
            result.addProblem(messageKey(*outcome) + ": not in the dead-letter queue (is the server in --simulation-mode?)");

    std::vector<const SendOutcome*> accepted;
    for (const auto& [eventId, outcome] : failures)
        accepted.push_back(outcome);
    auto counts = countRows(accepted);
    if (!counts)
        return std::unexpected(counts.error());
    for (std::size_t i = 0; i < accepted.size(); ++i)
        if ((*counts)[i] != 0)
            result.addProblem(messageKey(*accepted[i]) + ": stored although it was marked to fail");
    result.summary = std::to_string(m_manifest.failures.size()) + " forced failures: " +
                     std::to_string(dead.size()) + " dead-lettered";
    return result;
}

} // namespace mccig::sim
