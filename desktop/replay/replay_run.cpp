#include "replay/replay_run.h"

#include "backend/admin_json.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"
#include "playground/payload_templates.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace mccig::console {

ReplayRun::ReplayRun(ConsoleBackend* backend, const Plan& plan, QObject* parent)
    : QObject(parent), m_backend(backend), m_plan(plan)
{
    m_plan.sends = qMax(1, m_plan.sends);
    m_plan.concurrency = qBound(1, m_plan.concurrency, m_plan.sends);
    m_verdict.tenantId = plan.tenantId;
    m_verdict.providerMessageId = providerMessageIdOf(plan.payload);
}

void ReplayRun::start()
{
    if (m_running || !m_backend)
        return;
    m_running = true;
    for (int lane = 0; lane < m_plan.concurrency; ++lane)
        sendNext(lane);
}

void ReplayRun::cancel()
{
    if (!m_running)
        return;
    m_verdict.cancelled = true;
    for (const QPointer<PendingCall>& call : std::as_const(m_inFlight)) {
        if (call)
            call->cancel();
    }
    conclude(tr("cancelled after %1 of %2 answers").arg(m_answered).arg(m_plan.sends));
}

void ReplayRun::sendNext(int lane)
{
    if (!m_running || m_started >= m_plan.sends || !m_backend)
        return;
    ++m_started;
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/ingest/") + m_plan.channel;
    request.body = m_plan.payload;
    request.auth = ApiAuth::Tenant;
    request.tenantKey = m_plan.tenantKey;
    request.lane = lane + 1; // lane 0 stays free for the rest of the console
    PendingCall* call = m_backend->send(request);
    m_inFlight.append(call);
    connect(call, &PendingCall::finished, this, [this, lane](const ApiResponse& response) { onAnswer(lane, response); });
}

void ReplayRun::onAnswer(int lane, const ApiResponse& response)
{
    m_inFlight.removeAll(nullptr);
    if (!m_running)
        return;
    ++m_answered;
    if (response.status == 202)
        ++m_verdict.accepted;
    else if (response.status == 200)
        ++m_verdict.duplicates;
    else
        ++m_verdict.others;
    if (m_verdict.tenantId.isEmpty() && (response.status == 202 || response.status == 200))
        m_verdict.tenantId = QJsonDocument::fromJson(response.body).object().value(QLatin1String("tenantId")).toString();
    emit answered(response.status, response.elapsedMs);
    if (m_answered == m_plan.sends) {
        emit sendingFinished();
        verify();
        return;
    }
    sendNext(lane);
}

void ReplayRun::verify()
{
    if (!m_running || !m_backend)
        return;
    ApiRequest request;
    request.path = QStringLiteral("/v1/admin/events/count");
    request.query.addQueryItem(QStringLiteral("tenantId"), m_verdict.tenantId);
    request.query.addQueryItem(QStringLiteral("channel"), m_plan.channel);
    request.query.addQueryItem(QStringLiteral("providerMessageId"), m_verdict.providerMessageId);
    request.auth = ApiAuth::Admin;
    connect(m_backend->send(request), &PendingCall::finished, this, &ReplayRun::onCount);
}

void ReplayRun::onCount(const ApiResponse& response)
{
    if (!m_running)
        return;
    const auto count = response.isSuccess() ? parseCountBody(response.body) : std::nullopt;
    if (!count) {
        conclude(response.status == 0 ? tr("count request failed: %1").arg(response.transportError)
                                      : tr("count request answered HTTP %1").arg(response.status));
        return;
    }
    m_verdict.storedRows = *count;
    // The worker persists asynchronously: wait for the row (or give up) when
    // the message was accepted; a count above one is final at once.
    const bool waiting = *count == 0 && m_verdict.accepted > 0 && m_verifyElapsedMs < kVerifyTimeoutMs;
    if (waiting) {
        m_verifyElapsedMs += kVerifyPollMs;
        QTimer::singleShot(kVerifyPollMs, this, &ReplayRun::verify);
        return;
    }
    conclude(QString());
}

void ReplayRun::conclude(const QString& problem)
{
    m_running = false;
    ReplayVerdict& v = m_verdict;
    const qint64 expectedDuplicates = m_plan.sends - 1;
    v.passed = problem.isEmpty() && v.accepted == 1 && v.duplicates == expectedDuplicates && v.others == 0
               && v.storedRows == 1;
    QStringList lines;
    lines << tr("%1 sends from %2 concurrent senders").arg(m_plan.sends).arg(m_plan.concurrency);
    lines << tr("202 accepted: %1 (expected 1)").arg(v.accepted);
    lines << tr("200 duplicate: %1 (expected %2)").arg(v.duplicates).arg(expectedDuplicates);
    lines << tr("other answers: %1 (expected 0)").arg(v.others);
    lines << (v.storedRows ? tr("GET /v1/admin/events/count?tenantId=%1&channel=%2&providerMessageId=%3 → %4 (expected 1)")
                                 .arg(v.tenantId, m_plan.channel, v.providerMessageId)
                                 .arg(*v.storedRows)
                           : tr("stored rows: not verified"));
    if (!problem.isEmpty())
        lines << problem;
    v.evidence = lines.join(QLatin1Char('\n'));
    emit verdictReady(v);
}

} // namespace mccig::console
