#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace mccig::console {

// Watches a window for its first paint and prints "first-paint-ms N" (time
// since `sinceStart` was started) on stdout, for the start-up benchmark;
// optionally quits the application right after.
class FirstPaintProbe final : public QObject {
    Q_OBJECT
public:
    FirstPaintProbe(const QElapsedTimer& sinceStart, bool quitAfter, QObject* parent = nullptr);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QElapsedTimer m_sinceStart;
    bool m_quitAfter = false;
    bool m_reported = false;
};

} // namespace mccig::console
