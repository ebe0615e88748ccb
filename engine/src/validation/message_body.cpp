#include "message_document.h"
#include "oversized_number.h"

namespace mccig {

MessageBody::MessageBody(std::unique_ptr<Document> document) : m_document(std::move(document)) {}
MessageBody::MessageBody(MessageBody&&) noexcept = default;
MessageBody& MessageBody::operator=(MessageBody&&) noexcept = default;
MessageBody::~MessageBody() = default;

std::optional<MessageBody> MessageBody::parse(std::string_view json)
{
    auto document = std::make_unique<Document>();
    // Copies into a padded buffer: the request's string has no room for simdjson's padding.
    const auto error = document->parser.parse(json.data(), json.size(), true).get(document->root);
    if (error == simdjson::NUMBER_ERROR || error == simdjson::NUMBER_OUT_OF_RANGE) {
        document->oversizedNumberPath = validation::findOversizedNumber(json);
        if (!document->oversizedNumberPath)
            return std::nullopt;
    } else if (error != simdjson::SUCCESS) {
        return std::nullopt;
    }
    document->mayHoldNul = json.find("\\u0000") != std::string_view::npos;
    return MessageBody(std::move(document));
}

std::optional<std::string_view> MessageBody::tenantClaim() const
{
    std::string_view claim;
    if (m_document->oversizedNumberPath || m_document->root["tenantId"].get(claim) != simdjson::SUCCESS)
        return std::nullopt;
    return claim;
}

} // namespace mccig
