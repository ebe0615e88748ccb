#include "live/live_snapshot.h"

namespace mccig::console {

const char* figureFieldName(Figure figure)
{
    switch (figure) {
    case Figure::Accepted: return "accepted";
    case Figure::Duplicate: return "duplicate";
    case Figure::RateLimited: return "rateLimited";
    case Figure::Invalid: return "invalid";
    case Figure::Persisted: return "persisted";
    case Figure::Retried: return "retried";
    case Figure::DeadLettered: return "deadLettered";
    }
    return "";
}

} // namespace mccig::console
