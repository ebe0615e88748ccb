#include "models/figure_colors.h"

namespace mccig::console {

QColor figureColor(Figure figure)
{
    switch (figure) {
    case Figure::Accepted: return QColor(0x00, 0x72, 0xb2);     // blue
    case Figure::Duplicate: return QColor(0x56, 0xb4, 0xe9);    // sky blue
    case Figure::RateLimited: return QColor(0xe6, 0x9f, 0x00);  // orange
    case Figure::Invalid: return QColor(0xcc, 0x79, 0xa7);      // reddish purple
    case Figure::Persisted: return QColor(0x00, 0x9e, 0x73);    // bluish green
    case Figure::Retried: return QColor(0xb8, 0xa3, 0x00);      // dark yellow
    case Figure::DeadLettered: return QColor(0xd5, 0x5e, 0x00); // vermillion
    }
    return {};
}

QColor otherAnswerColor() { return QColor(0x7f, 0x7f, 0x7f); }

QColor queueDepthColor() { return QColor(0x00, 0x72, 0xb2); }

} // namespace mccig::console
