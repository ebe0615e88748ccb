#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace mccig::console {

class ConsoleBackend;
class PendingCall;
struct ApiResponse;

// Replays or deletes a list of dead letters one request at a time, reporting
// progress after each, until done or cancelled. One request at a time keeps
// the order predictable and lets cancel() stop between entries. GUI thread.
class DlqBatchJob final : public QObject {
    Q_OBJECT
public:
    enum class Action {
        Replay,
        Delete,
    };

    DlqBatchJob(ConsoleBackend* backend, Action action, const QStringList& ids, QObject* parent = nullptr);

    void start();
    void cancel();
    Action action() const { return m_action; }
    int total() const { return int(m_ids.size()); }

signals:
    void progressed(int done, int total);
    // An entry the server handled (replayed or deleted).
    void entryDone(const QString& id);
    void entryFailed(const QString& id, const QString& reason);
    void finished(int succeeded, int failed, bool cancelled);

private:
    void next();
    void onAnswer(const QString& id, const ApiResponse& response);

    QPointer<ConsoleBackend> m_backend;
    Action m_action;
    QStringList m_ids;
    int m_index = 0;
    int m_succeeded = 0;
    int m_failed = 0;
    bool m_cancelled = false;
    QPointer<PendingCall> m_inFlight;
};

} // namespace mccig::console
