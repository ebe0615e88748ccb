#pragma once

#include "live/live_snapshot.h"

#include <QList>

namespace mccig::console {

// Queue and DLQ depth at the end of one second.
struct DepthSample {
    qint64 epochSecond = 0;
    qint64 queueDepth = 0;
    qint64 dlqDepth = 0;
    friend bool operator==(const DepthSample&, const DepthSample&) = default;
};

// The server keeps no history of depths, but it counts every second what
// enters and leaves them: an accepted message joins the queue, a persisted or
// dead-lettered one leaves it, a dead-lettered one joins the DLQ (a retry
// stays in the queue). Walking back from the depths read now through the
// per-second series gives one sample per second of the series, oldest first.
// DLQ replays and deletes are not counted by the server, so a sample before
// one of them is off by that many; no depth goes below zero.
QList<DepthSample> depthHistory(const QList<StatsPoint>& series, qint64 queueDepthNow, qint64 dlqDepthNow);

} // namespace mccig::console
