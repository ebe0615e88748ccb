#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QTimer;

namespace mccig::console {

class ConsoleBackend;
struct ApiResponse;

// Fires SMS ingest requests at one tenant at a chosen rate for a chosen time,
// each with a fresh providerMessageId, and reports every answer with the
// second (from the start) it was sent in. Requests spread over several
// connection lanes; at most kMaxInFlight wait for answers, so a slow server
// lowers the achieved rate instead of piling requests up. GUI thread only.
class BurstTest final : public QObject {
    Q_OBJECT
public:
    struct Plan {
        QString tenantKey;
        int ratePerSecond = 100;
        int durationSeconds = 5;
    };

    BurstTest(ConsoleBackend* backend, const Plan& plan, QObject* parent = nullptr);

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    int sent() const { return m_sent; }

    static constexpr int kMaxInFlight = 256;
    static constexpr int kLanes = 8;
    static constexpr int kTickMs = 10;

signals:
    void answered(int second, int status);
    void finished();

private:
    void tick();
    void sendOne();
    void finishIfDone();

    QPointer<ConsoleBackend> m_backend;
    Plan m_plan;
    QTimer* m_timer = nullptr;
    QElapsedTimer m_clock;
    int m_sent = 0;
    int m_inFlight = 0;
    bool m_running = false;
};

} // namespace mccig::console
