#include "check_kind.h"

namespace mccig::sim {

std::string_view checkName(CheckKind kind)
{
    switch (kind) {
    case CheckKind::Persistence: return "persistence";
    case CheckKind::Replay: return "replay";
    case CheckKind::Noisy: return "noisy";
    case CheckKind::Failures: return "failures";
    }
    return "unknown";
}

std::optional<CheckKind> parseCheckName(std::string_view name)
{
    for (const CheckKind kind : kAllChecks)
        if (checkName(kind) == name)
            return kind;
    return std::nullopt;
}

} // namespace mccig::sim
