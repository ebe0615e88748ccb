#pragma once

#include <string>
#include <string_view>

namespace mccig::server {

// A provider's own message id made into a providerMessageId (API.md §3:
// [A-Za-z0-9._:-]): every other byte, and ':' itself, becomes ':' and two
// uppercase hex digits, so distinct ids stay distinct ("wamid.HBg=" becomes
// "wamid.HBg:3D"). The caller still checks the length.
std::string providerMessageIdFrom(std::string_view providerId);

} // namespace mccig::server
