#pragma once

#include <filesystem>
#include <optional>

namespace mccig {

// Where a program of this user keeps its data, by the platform's convention,
// with "mccig" appended: $XDG_DATA_HOME (else ~/.local/share) on Linux and
// other Unix, %LOCALAPPDATA% on Windows, ~/Library/Application Support on
// macOS. Nothing when the environment names no home at all.
std::optional<std::filesystem::path> userDataFolder();

} // namespace mccig
