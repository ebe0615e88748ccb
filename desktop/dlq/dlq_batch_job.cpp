#include "dlq/dlq_batch_job.h"

#include "backend/admin_json.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"

#include <QUrl>

namespace mccig::console {

DlqBatchJob::DlqBatchJob(ConsoleBackend* backend, Action action, const QStringList& ids, QObject* parent)
    : QObject(parent), m_backend(backend), m_action(action), m_ids(ids)
{
}

void DlqBatchJob::start() { next(); }

void DlqBatchJob::cancel()
{
    m_cancelled = true;
    if (m_inFlight)
        m_inFlight->cancel();
}

void DlqBatchJob::next()
{
    if (m_cancelled || m_index >= m_ids.size() || !m_backend) {
        emit finished(m_succeeded, m_failed, m_cancelled);
        return;
    }
    const QString id = m_ids.at(m_index++);
    const QString escaped = QString::fromLatin1(QUrl::toPercentEncoding(id));
    ApiRequest request;
    request.auth = ApiAuth::Admin;
    if (m_action == Action::Replay) {
        request.method = "POST";
        request.path = QStringLiteral("/v1/admin/dlq/%1/replay").arg(escaped);
    } else {
        request.method = "DELETE";
        request.path = QStringLiteral("/v1/admin/dlq/%1").arg(escaped);
    }
    m_inFlight = m_backend->send(request);
    connect(m_inFlight, &PendingCall::finished, this, [this, id](const ApiResponse& response) { onAnswer(id, response); });
}

void DlqBatchJob::onAnswer(const QString& id, const ApiResponse& response)
{
    if (response.isSuccess()) {
        ++m_succeeded;
        emit entryDone(id);
    } else {
        ++m_failed;
        const QString code = errorCodeOf(response.body);
        emit entryFailed(id, response.status == 0 ? response.transportError
                                                  : tr("HTTP %1 %2").arg(response.status).arg(code));
    }
    emit progressed(m_index, int(m_ids.size()));
    next();
}

} // namespace mccig::console
