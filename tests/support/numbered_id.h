#pragma once

#include <string>
#include <string_view>

namespace mccig::test {

// `prefix` followed by `n`: numberedId("m-", 7) is "m-7". Built by appending,
// since GCC 12 at -O3 (Release) takes `"m-" + std::to_string(n)` for an
// overlapping copy (GCC bug 105329) and -Werror makes that fatal.
inline std::string numberedId(std::string_view prefix, long long n)
{
    std::string id(prefix);
    id += std::to_string(n);
    return id;
}

} // namespace mccig::test
