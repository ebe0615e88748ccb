#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace mccig::console {

class ConsoleBackend;
class PendingCall;
struct ApiResponse;

// What a replay verification concluded (docs/replay-verification.md):
// Pass when the gateway kept its exactly-once promise, Fail when it broke it,
// Inconclusive when the run could not decide (the reason says why).
struct ReplayVerdict {
    enum class Outcome {
        Pending,
        Pass,
        Fail,
        Inconclusive,
        Cancelled,
    };
    Outcome outcome = Outcome::Pending;
    QString reason;        // one sentence: why Fail or Inconclusive
    qint64 accepted = 0;   // 202s
    qint64 duplicates = 0; // 200s
    qint64 others = 0;
    std::optional<qint64> storedRows; // from GET /v1/admin/events/count
    QString tenantId;
    QString providerMessageId;
    qint64 expectedAccepted = 1; // 0 when the id was already used by an earlier run
    QString evidence;      // human-readable, one line per fact

    bool passed() const { return outcome == Outcome::Pass; }
};

// Sends one payload N times from C concurrent senders (each on its own
// connection lane), then asks the admin API how many rows exist for the
// message, polling until the worker has persisted it. Passes when exactly one
// send got 202 (none when the plan says the id was used before), all others
// 200, and exactly one row exists. GUI thread only.
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
        // The id was sent by an earlier run: every send must be a duplicate.
        bool idUsedBefore = false;
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
    void judge(const QString& problem);
    QString answerProblem() const;

    QPointer<ConsoleBackend> m_backend;
    Plan m_plan;
    ReplayVerdict m_verdict;
    int m_started = 0;
    int m_answered = 0;
    int m_verifyElapsedMs = 0;
    int m_firstOtherStatus = -1;
    QString m_firstTransportError;
    bool m_running = false;
    QList<QPointer<PendingCall>> m_inFlight;
};

} // namespace mccig::console
