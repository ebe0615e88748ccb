#include "live/depth_history.h"

namespace mccig::console {

QList<DepthSample> depthHistory(const QList<StatsPoint>& series, qint64 queueDepthNow, qint64 dlqDepthNow)
{
    QList<DepthSample> history(series.size());
    qint64 queue = queueDepthNow;
    qint64 dlq = dlqDepthNow;
    for (qsizetype i = series.size() - 1; i >= 0; --i) {
        const StatsPoint& point = series.at(i);
        history[i] = {point.epochSecond, queue, dlq};
        // From the end of this second back to its start.
        const qint64 leftTheQueue = point.value(Figure::Persisted) + point.value(Figure::DeadLettered);
        queue = qMax<qint64>(0, queue - point.value(Figure::Accepted) + leftTheQueue);
        dlq = qMax<qint64>(0, dlq - point.value(Figure::DeadLettered));
    }
    return history;
}

} // namespace mccig::console
