#pragma once

#include <expected>
#include <string>
#include <vector>

namespace mccig::server {

enum class KeysAction {
    Add,    // keys add TENANT
    List,   // keys list [TENANT]
    Revoke, // keys revoke KEY-ID
};

// What `mccig-server keys ...` was asked to do.
struct KeysRequest {
    KeysAction action = KeysAction::List;
    std::string tenantId; // Add: the tenant; List: the filter, empty for every tenant
    std::string keyId;    // Revoke
};

// Parses the words after "keys" (flags already taken out). On a missing,
// unknown or extra word, an invalid tenant id or key id returns a one-line
// message for exit 2.
std::expected<KeysRequest, std::string> parseKeysRequest(const std::vector<std::string>& words);

} // namespace mccig::server
