#pragma once

#include <string_view>

namespace mccig {

// ^[a-z0-9][a-z0-9_-]{0,63}$
bool isValidTenantId(std::string_view id);

} // namespace mccig
