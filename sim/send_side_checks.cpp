#include "send_side_checks.h"

#include <algorithm>
#include <map>

namespace mccig::sim {
namespace {

std::string describe(const SendOutcome& outcome)
{
    std::string text = outcome.tenant + '/' + std::string(channelName(outcome.channel)) + '/' +
                       outcome.providerMessageId + ": ";
    text += outcome.status == 0 ? "no answer (" + outcome.error + ')' : "HTTP " + std::to_string(outcome.status);
    if (outcome.status != 0 && !outcome.error.empty())
        text += " " + outcome.error;
    return text;
}

} // namespace

CheckResult judgeReplayAnswers(const std::vector<SendOutcome>& copies)
{
    CheckResult result{CheckKind::Replay, true, {}, {}, 0};
    const auto accepted = std::ranges::count(copies, 202, &SendOutcome::status);
    const auto duplicates = std::ranges::count(copies, 200, &SendOutcome::status);
    result.summary = std::to_string(copies.size()) + " concurrent copies: " + std::to_string(accepted) + " x 202, " +
                     std::to_string(duplicates) + " x 200";
    if (copies.empty()) {
        result.addProblem("no copies were sent");
        return result;
    }
    if (accepted != 1)
        result.addProblem("expected exactly one 202, got " + std::to_string(accepted));
    const auto first = std::ranges::find(copies, 202, &SendOutcome::status);
    for (const auto& copy : copies) {
        if (copy.status != 200 && copy.status != 202)
            result.addProblem(describe(copy));
        else if (first != copies.end() && copy.eventId != first->eventId)
            result.addProblem("copy answered eventId " + copy.eventId + ", the accepted one " + first->eventId);
    }
    return result;
}

CheckResult judgeNoisyNeighbour(const std::vector<SendOutcome>& outcomes, const std::string& noisyTenant)
{
    CheckResult result{CheckKind::Noisy, true, {}, {}, 0};
    std::size_t noisySent = 0, noisyAccepted = 0, noisyLimited = 0, othersSent = 0, othersAccepted = 0;
    std::map<std::string, bool> otherTenants;
    for (const auto& outcome : outcomes) {
        if (outcome.tenant == noisyTenant) {
            ++noisySent;
            noisyAccepted += outcome.status == 202 ? 1 : 0;
            if (outcome.status != 429)
                continue;
            ++noisyLimited;
            if (outcome.retryAfterSeconds < 1)
                result.addProblem("429 without a Retry-After of at least 1 s for " + outcome.providerMessageId);
            if (outcome.retryAfterMs < 0)
                result.addProblem("429 without retryAfterMs in the body for " + outcome.providerMessageId);
            continue;
        }
        otherTenants[outcome.tenant] = true;
        ++othersSent;
        if (outcome.status == 202)
            ++othersAccepted;
        else
            result.addProblem("well-behaved tenant not accepted: " + describe(outcome));
    }
    result.summary = "noisy tenant " + noisyTenant + ": " + std::to_string(noisySent) + " sent, " +
                     std::to_string(noisyAccepted) + " x 202, " + std::to_string(noisyLimited) + " x 429; " +
                     std::to_string(otherTenants.size()) + " other tenant(s): " + std::to_string(othersSent) +
                     " sent, " + std::to_string(othersAccepted) + " x 202";
    if (noisyLimited == 0)
        result.addProblem("the noisy tenant was never rate-limited (is its rate above its limit?)");
    if (othersSent == 0)
        result.addProblem("no well-behaved tenant sent anything during the flood");
    return result;
}

} // namespace mccig::sim
