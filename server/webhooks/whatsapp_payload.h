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

// A one-line message when the body is not JSON, not a WhatsApp Business
// Account delivery, or a message lacks its id or sender.
std::expected<WhatsAppBatch, std::string> parseWhatsAppBatch(std::string_view body);

} // namespace mccig::server
