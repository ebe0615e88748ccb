#pragma once

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace mccig::server {

// One WhatsApp Cloud API delivery (a "whatsapp_business_account" object) as
// the gateway takes it in.
struct WhatsAppBatch {
    // The JSON text of one /v1/ingest/chat body (API.md §3) per message: the
    // wamid is the providerMessageId (providerMessageIdFrom), the customer's
    // number with its "+" the conversation and the sender (with the contact's
    // profile name), the text or a media caption the text ("[whatsapp TYPE]"
    // when there is neither), the send time the timestamp; the wamid, type,
    // business number and any media object under metadata.whatsapp.
    std::vector<std::string> messages;
    // Delivery and read receipts: counted, not stored.
    std::size_t statuses = 0;
};

// Why a delivery is refused, in one line.
struct WhatsAppBatchError {
    enum class Kind {
        NotJson,
        // not a WhatsApp Business Account delivery: the wrong "object", a
        // member of the wrong type, a message without its id or sender
        NotADelivery,
    };
    Kind kind;
    std::string message;
};

std::expected<WhatsAppBatch, WhatsAppBatchError> parseWhatsAppBatch(std::string_view body);

} // namespace mccig::server
