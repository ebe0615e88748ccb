#pragma once

#include "generated_message.h"

#include <cstdint>
#include <random>
#include <string>

namespace mccig::sim {

// Builds realistic webhook bodies (API.md §3) from per-channel templates:
// Twilio-like SMS with E.164 numbers, chat messages from customers, agents
// and bots with occasional attachments, and voice call records with
// transcripts. Every providerMessageId embeds the run id and a counter, so
// two runs never collide and a run never repeats itself. Deterministic for a
// given seed. Not thread-safe: each sender thread owns one generator.
class PayloadGenerator {
public:
    PayloadGenerator(std::string runId, std::uint64_t seed);

    GeneratedMessage next(Channel channel);

    // The same message, marked so a server in --simulation-mode fails it on
    // every attempt (metadata.simulateFailure = true).
    static GeneratedMessage withSimulatedFailure(GeneratedMessage message);

private:
    nlohmann::json smsBody();
    nlohmann::json chatBody();
    nlohmann::json voiceBody();
    nlohmann::json commonMetadata();
    std::string phoneNumber();
    std::string nextProviderMessageId(Channel channel);
    std::size_t pick(std::size_t count);

    std::string m_runId;
    std::mt19937_64 m_random;
    std::uint64_t m_counter = 0;
};

} // namespace mccig::sim
