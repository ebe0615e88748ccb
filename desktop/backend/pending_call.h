#pragma once

#include "backend/api_request.h"

#include <QObject>

namespace mccig::console {

// The handle of one request in flight. It emits finished() exactly once, on
// the thread that issued the request, then deletes itself. cancel() ends the
// request early; finished() still arrives, with a transport error.
class PendingCall final : public QObject {
    Q_OBJECT
public:
    explicit PendingCall(QObject* parent = nullptr);

    void cancel();
    // Called by the backend: delivers the response and schedules deletion.
    void complete(const mccig::console::ApiResponse& response);

signals:
    void finished(const mccig::console::ApiResponse& response);
    void cancelRequested();

private:
    bool m_done = false;
};

} // namespace mccig::console
