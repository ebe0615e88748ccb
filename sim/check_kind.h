#pragma once

#include <optional>
#include <string_view>

namespace mccig::sim {

// The verifications the simulator can run; each one can be selected with --checks.
enum class CheckKind {
    Persistence,
    Replay,
    Noisy,
    Failures,
};

inline constexpr CheckKind kAllChecks[] = {CheckKind::Persistence, CheckKind::Replay, CheckKind::Noisy,
                                           CheckKind::Failures};

// "persistence", "replay", "noisy", "failures".
std::string_view checkName(CheckKind kind);
std::optional<CheckKind> parseCheckName(std::string_view name);

} // namespace mccig::sim
