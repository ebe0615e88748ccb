#include "webhooks/provider_message_id.h"

namespace mccig::server {
namespace {

bool keptAsIs(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
           || c == '-';
}

} // namespace

std::string providerMessageIdFrom(std::string_view providerId)
{
    constexpr char kHex[] = "0123456789ABCDEF";
    std::string id;
    id.reserve(providerId.size());
    for (const char c : providerId) {
        if (keptAsIs(c)) {
            id += c;
            continue;
        }
        const auto byte = static_cast<unsigned char>(c);
        id += ':';
        id += kHex[byte >> 4];
        id += kHex[byte & 0x0f];
    }
    return id;
}

} // namespace mccig::server
