#include "payload_generator.h"

#include "mccig/core/time_format.h"

#include <array>
#include <chrono>
#include <string_view>

namespace mccig::sim {
namespace {

constexpr std::array<std::string_view, 8> kSmsBodies{
    "Hi, is my order #{n} shipped yet?",
    "STOP",
    "Yes, please confirm my appointment for tomorrow at 10:30.",
    "Can I change the delivery address to 12 Baker Street?",
    "Your code is {n}. Do not share it.",
    "Thanks! Got it \xF0\x9F\x91\x8D",
    "I was charged twice for invoice {n}, please check.",
    "Running 10 minutes late, sorry!",
};
constexpr std::array<std::string_view, 6> kChatTexts{
    "Hello, I need help with my subscription.",
    "Could you send me the receipt for order {n}?",
    "Sure, I have refunded the second charge.",
    "Is there anything else I can help you with?",
    "The app crashes when I open the settings page.",
    "Your ticket {n} has been escalated to our billing team.",
};
constexpr std::array<std::string_view, 4> kTranscripts{
    "Hi, this is a message about your appointment on Thursday, please call us back.",
    "I'd like to speak to someone about my bill, reference {n}.",
    "Thank you for calling, your balance is forty two dollars.",
    "Hello? Hello, can you hear me?",
};
// Fictional-use ranges: North American 555-01xx, UK Ofcom drama numbers, German mobile.
constexpr std::array<std::string_view, 4> kNumberPrefixes{"+1415555", "+1212555", "+44770090", "+4915112"};
constexpr std::array<std::string_view, 3> kRoles{"customer", "agent", "bot"};
constexpr std::array<std::string_view, 5> kCallStatuses{"completed", "busy", "no-answer", "failed", "canceled"};
constexpr std::array<std::string_view, 3> kContentTypes{"image/jpeg", "application/pdf", "image/png"};

std::string withNumber(std::string_view text, std::uint64_t number)
{
    std::string out(text);
    if (const auto at = out.find("{n}"); at != std::string::npos)
        out.replace(at, 3, std::to_string(number));
    return out;
}

} // namespace

PayloadGenerator::PayloadGenerator(std::string runId, std::uint64_t seed)
    : m_runId(std::move(runId))
    , m_random(seed)
{
}

std::size_t PayloadGenerator::pick(std::size_t count)
{
    return std::uniform_int_distribution<std::size_t>(0, count - 1)(m_random);
}

std::string PayloadGenerator::phoneNumber()
{
    std::string number(kNumberPrefixes[pick(kNumberPrefixes.size())]);
    while (number.size() < 13)
        number += static_cast<char>('0' + pick(10));
    return number;
}

std::string PayloadGenerator::nextProviderMessageId(Channel channel)
{
    static constexpr std::array<std::string_view, 3> kPrefixes{"SM", "msg-", "CA"};
    return std::string(kPrefixes[static_cast<std::size_t>(channel)]) + m_runId + '-' + std::to_string(++m_counter);
}

nlohmann::json PayloadGenerator::commonMetadata()
{
    return {{"source", "mccig-sim"}, {"run", m_runId}};
}

nlohmann::json PayloadGenerator::smsBody()
{
    nlohmann::json body{{"from", phoneNumber()},
                        {"to", phoneNumber()},
                        {"body", withNumber(kSmsBodies[pick(kSmsBodies.size())], 10000 + pick(90000))}};
    if (pick(10) == 0)
        body["media"] = {"https://media.example.com/mms/" + m_runId + '/' + std::to_string(m_counter) + ".jpg"};
    return body;
}

nlohmann::json PayloadGenerator::chatBody()
{
    const std::string_view role = kRoles[pick(kRoles.size())];
    nlohmann::json body{{"conversationId", "conv-" + m_runId + '-' + std::to_string(pick(50))},
                        {"sender", {{"id", std::string(role) + '-' + std::to_string(pick(1000))}, {"role", role}}},
                        {"text", withNumber(kChatTexts[pick(kChatTexts.size())], 1000 + pick(9000))}};
    if (role == "customer")
        body["sender"]["name"] = "Customer " + std::to_string(pick(1000));
    if (pick(8) == 0)
        body["attachments"] = {{{"url", "https://files.example.com/" + m_runId + "/a" + std::to_string(m_counter)},
                                {"contentType", kContentTypes[pick(kContentTypes.size())]}}};
    return body;
}

nlohmann::json PayloadGenerator::voiceBody()
{
    const std::string_view status = kCallStatuses[pick(kCallStatuses.size())];
    nlohmann::json body{{"from", phoneNumber()},
                        {"to", phoneNumber()},
                        {"direction", pick(2) == 0 ? "inbound" : "outbound"},
                        {"status", status},
                        {"durationSeconds", status == "completed" ? 5 + pick(900) : 0}};
    if (status == "completed" && pick(2) == 0) {
        body["recordingUrl"] = "https://recordings.example.com/" + m_runId + '/' + std::to_string(m_counter) + ".wav";
        body["transcript"] = withNumber(kTranscripts[pick(kTranscripts.size())], 100000 + pick(900000));
    }
    return body;
}

GeneratedMessage PayloadGenerator::next(Channel channel)
{
    GeneratedMessage message;
    message.channel = channel;
    message.providerMessageId = nextProviderMessageId(channel);
    switch (channel) {
    case Channel::Sms: message.body = smsBody(); break;
    case Channel::Chat: message.body = chatBody(); break;
    case Channel::Voice: message.body = voiceBody(); break;
    }
    message.body["providerMessageId"] = message.providerMessageId;
    message.body["timestamp"] = formatUtc(std::chrono::system_clock::now());
    message.body["metadata"] = commonMetadata();
    return message;
}

GeneratedMessage PayloadGenerator::withSimulatedFailure(GeneratedMessage message)
{
    message.body["metadata"]["simulateFailure"] = true;
    return message;
}

} // namespace mccig::sim
