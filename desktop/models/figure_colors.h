#pragma once

#include "live/live_snapshot.h"

#include <QColor>

namespace mccig::console {

// One colour per outcome on every chart (a throttled request is the same
// orange on the Dashboard and in the burst tester), from the Okabe–Ito
// palette, which stays distinguishable with the common colour-vision
// deficiencies. Models give it as the header's Qt::DecorationRole.
QColor figureColor(Figure figure);
// Answers that are no outcome the server counts (a burst's "other").
QColor otherAnswerColor();
// The queue depth, which is a level rather than an outcome.
QColor queueDepthColor();

} // namespace mccig::console
