#include "app/first_paint_probe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

#include <cstdio>

namespace mccig::console {

FirstPaintProbe::FirstPaintProbe(const QElapsedTimer& sinceStart, bool quitAfter, QObject* parent)
    : QObject(parent), m_sinceStart(sinceStart), m_quitAfter(quitAfter)
{
}

bool FirstPaintProbe::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Paint && !m_reported) {
        m_reported = true;
        // Reported after this paint finishes, so the figure includes it.
        QTimer::singleShot(0, this, [this] {
            std::printf("first-paint-ms %lld\n", static_cast<long long>(m_sinceStart.elapsed()));
            std::fflush(stdout);
            if (m_quitAfter)
                QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace mccig::console
