#include "backend/pending_call.h"

namespace mccig::console {

PendingCall::PendingCall(QObject* parent) : QObject(parent) {}

void PendingCall::cancel()
{
    if (!m_done)
        emit cancelRequested();
}

void PendingCall::complete(const ApiResponse& response)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(response);
    deleteLater();
}

} // namespace mccig::console
