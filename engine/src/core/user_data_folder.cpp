#include "mccig/core/user_data_folder.h"

#include <cstdlib>

namespace mccig {
namespace {

std::optional<std::filesystem::path> fromEnvironment(const char* name)
{
    const char* value = std::getenv(name);
    if (!value || !*value)
        return std::nullopt;
    return std::filesystem::path(value);
}

} // namespace

std::optional<std::filesystem::path> userDataFolder()
{
#if defined(_WIN32)
    const auto base = fromEnvironment("LOCALAPPDATA");
#elif defined(__APPLE__)
    auto base = fromEnvironment("HOME");
    if (base)
        *base /= "Library/Application Support";
#else
    auto base = fromEnvironment("XDG_DATA_HOME");
    // The XDG specification ignores a relative XDG_DATA_HOME.
    if (!base || base->is_relative()) {
        base = fromEnvironment("HOME");
        if (base)
            *base /= ".local/share";
    }
#endif
    if (!base)
        return std::nullopt;
    return *base / "mccig";
}

} // namespace mccig
