#pragma once

#include "live/live_snapshot.h"

#include <QObject>

namespace mccig::console {

// Port: a periodic reader of live figures. It emits snapshotReady() about
// once per interval and failed() when a read does not work; both arrive on
// the GUI thread. Reading never blocks the GUI thread.
class LiveSource : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~LiveSource() override = default;

    virtual void start() = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    // The window of per-second history to deliver (≤ 3600 s).
    virtual void setWindowSeconds(int seconds) = 0;
    virtual void setIntervalMs(int milliseconds) = 0;
    // Reads once now, outside the schedule (the refresh shortcut).
    virtual void refreshNow() = 0;

signals:
    void snapshotReady(const mccig::console::LiveSnapshot& snapshot);
    void failed(const QString& message);
};

} // namespace mccig::console
