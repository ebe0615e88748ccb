// libFuzzer target: bytes from the network, through what the server does
// with them before any backend is asked. The HTTP parser with the
// connection's limits, the framing rules (request_framing.h), then JSON
// parsing and validation of the body for every channel. Besides the
// sanitizers it checks the promise of the validator: whatever it accepts can
// be stored (no U+0000, and it serializes as strict UTF-8 JSON, the same
// through the product's JSON writer as through nlohmann's). The same bytes
// also go through the provider webhooks' mapping (WhatsApp, Twilio), whose
// every body must be JSON the validator can read.
#include "http/request_framing.h"
#include "mccig/core/ascii_case.h"
#include "mccig/core/json_string.h"
#include "mccig/validation/message_validator.h"
#include "webhooks/form_fields.h"
#include "webhooks/twilio_payload.h"
#include "webhooks/whatsapp_payload.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

namespace beast = boost::beast;
namespace http = beast::http;

// The limits of ConnectionSettings and HttpConnection.
constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kBodyLimit = 64 * 1024;
constexpr std::size_t kChunkExtensionLimit = 1024;

// True when a key or a string anywhere in `value` holds U+0000. (Looking for
// "\u0000" in its text would also find a key that spells it out.)
bool holdsNul(const nlohmann::json& value)
{
    if (value.is_string())
        return value.get_ref<const std::string&>().find('\0') != std::string::npos;
    if (value.is_object()) {
        for (const auto& [key, member] : value.items()) {
            if (key.find('\0') != std::string::npos || holdsNul(member))
                return true;
        }
    }
    if (value.is_array()) {
        for (const auto& element : value) {
            if (holdsNul(element))
                return true;
        }
    }
    return false;
}

void requireStorable(const mccig::ValidatedMessage& message)
{
    if (message.content.find('\0') != std::string::npos || holdsNul(message.rawMetadata))
        std::abort();
    // Throws (and so fails the run) on invalid UTF-8 or a value JSON cannot hold.
    const std::string metadata = message.rawMetadata.dump();
    // What is queued and stored is the JSON writer's text: it must be dump()'s.
    if (mccig::jsonText(message.rawMetadata) != metadata)
        std::abort();
}

void validateBody(std::string_view body)
{
    const auto parsed = mccig::MessageBody::parse(body);
    if (!parsed)
        return;
    (void)parsed->tenantClaim();
    for (const auto channel : {mccig::Channel::Sms, mccig::Channel::Chat, mccig::Channel::Voice}) {
        if (const auto message = mccig::validateMessage(channel, *parsed))
            requireStorable(*message);
    }
}

// A body a webhook route made from a provider's delivery: always JSON the
// validator can read (whether it then accepts it or not), and storable when
// it is accepted.
void requireReadable(mccig::Channel channel, const std::string& body)
{
    const auto parsed = mccig::MessageBody::parse(body);
    if (!parsed)
        std::abort();
    if (const auto message = mccig::validateMessage(channel, *parsed))
        requireStorable(*message);
}

// The bytes as a WhatsApp delivery and as a Twilio form, mapped as the
// webhook routes map them once the signature holds.
void mapDeliveries(std::string_view bytes)
{
    if (const auto batch = mccig::server::parseWhatsAppBatch(bytes)) {
        for (const auto& body : batch->messages)
            requireReadable(mccig::Channel::Chat, body);
    }
    const auto fields = mccig::server::parseFormFields(bytes);
    if (!fields)
        return;
    if (const auto sms = mccig::server::twilioSmsBody(*fields))
        requireReadable(mccig::Channel::Sms, *sms);
    if (const auto voice = mccig::server::twilioVoiceBody(*fields); voice && *voice)
        requireReadable(mccig::Channel::Voice, **voice);
}

mccig::server::HttpRequest headOf(const http::request<http::string_body>& message)
{
    mccig::server::HttpRequest head;
    head.method = std::string(message.method_string());
    head.target = std::string(message.target());
    for (const auto& field : message) {
        std::string name(field.name_string());
        for (auto& c : name)
            c = mccig::asciiLower(c);
        head.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    return head;
}

void parseRequest(std::string_view bytes)
{
    http::request_parser<http::string_body> parser;
    parser.header_limit(kHeaderLimit);
    parser.body_limit(kBodyLimit);
    parser.eager(true);
    std::size_t extensionBytes = 0;
    auto onChunkHeader = [&](std::uint64_t, beast::string_view extensions, beast::error_code& error) {
        extensionBytes += extensions.size();
        if (extensionBytes > kChunkExtensionLimit)
            error = http::error::bad_chunk_extension;
    };
    parser.on_chunk_header(onChunkHeader);
    beast::error_code error;
    while (!bytes.empty() && !parser.is_done()) {
        const auto used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), error);
        if (error == http::error::need_more && used == 0)
            return;
        if (error && error != http::error::need_more)
            return;
        bytes.remove_prefix(used);
        if (parser.is_header_done() && mccig::server::framingRefusal(headOf(parser.get())))
            return;
    }
    if (parser.is_done())
        validateBody(parser.get().body());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    parseRequest(bytes);
    validateBody(bytes);
    mapDeliveries(bytes);
    return 0;
}
