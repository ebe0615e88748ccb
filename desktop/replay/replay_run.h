#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace mccig::console {

class ConsoleBackend;
class PendingCall;
struct ApiResponse;

// What a replay verification concluded, with the figures behind it.
struct ReplayVerdict {
    bool passed = false;
    bool cancelled = false;
    qint64 accepted = 0;   // 202s
    qint64 duplicates = 0; // 200s
    qint64 others = 0;
    std::optional<qint64> storedRows; // from GET /v1/admin/events/count
    QString tenantId;
    QString providerMessageId;
    QString evidence;      // human-readable, one line per fact
};

// Sends one payload N times from C concurrent senders (each on its own
// connection lane), then asks the admin API how many rows exist for the
// message, polling until the worker has persisted it. Passes when exactly one
// send got 202, all others 200, and exactly one row exists. GUI thread only.
class ReplayRun final : public QObject {
    Q_OBJECT
public:
    struct Plan {
        QString channel;
        QString tenantId;
        QString tenantKey;
        QByteArray payload;
        int sends = 20;
        int concurrency = 4;
    };

    ReplayRun(ConsoleBackend* backend, const Plan& plan, QObject* parent = nullptr);

    void start();
    void cancel();
    bool isRunning() const { return m_running; }

    static constexpr int kVerifyPollMs = 250;
    static constexpr int kVerifyTimeoutMs = 20000;

signals:
    void answered(int status, qint64 elapsedMs);
    void sendingFinished();
    void verdictReady(const mccig::console::ReplayVerdict& verdict);

private:
    void sendNext(int lane);
    void onAnswer(int lane, const ApiResponse& response);
    void verify();
    void onCount(const ApiResponse& response);
    void conclude(const QString& problem);

    QPointer<ConsoleBackend> m_backend;
    Plan m_plan;
    ReplayVerdict m_verdict;
    int m_started = 0;
    int m_answered = 0;
    int m_verifyElapsedMs = 0;
    bool m_running = false;
    QList<QPointer<PendingCall>> m_inFlight;
};

} // namespace mccig::console
