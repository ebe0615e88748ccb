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
    m_verdict.expectedAccepted = plan.idUsedBefore ? 0 : 1;
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
    m_verdict.outcome = ReplayVerdict::Outcome::Cancelled;
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
    if (response.status != 200 && response.status != 202 && m_firstOtherStatus < 0) {
        m_firstOtherStatus = response.status;
        m_firstTransportError = response.transportError;
    }
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
        if (response.status == 0)
            conclude(tr("the server was unreachable for the count request (%1)").arg(response.transportError));
        else if (response.status == 401 || response.status == 403)
            conclude(tr("admin access was refused (HTTP %1): the stored rows could not be counted").arg(response.status));
        else
            conclude(tr("the count request answered HTTP %1").arg(response.status));
        return;
    }
    m_verdict.storedRows = *count;
    // The worker persists asynchronously: wait for the row (or give up) when
    // the gateway took the message; a count above one is final at once.
    const bool taken = m_verdict.accepted + m_verdict.duplicates > 0;
    const bool waiting = *count == 0 && taken && m_verifyElapsedMs < kVerifyTimeoutMs;
    if (waiting) {
        m_verifyElapsedMs += kVerifyPollMs;
        QTimer::singleShot(kVerifyPollMs, this, &ReplayRun::verify);
        return;
    }
    conclude(QString());
}

// Why answers other than 202/200 make the run undecidable, named after the
// first such answer.
QString ReplayRun::answerProblem() const
{
    if (m_verdict.others == 0)
        return {};
    const qint64 n = m_verdict.others;
    switch (m_firstOtherStatus) {
    case 0: return tr("%n send(s) got no answer: the server was unreachable (%1)", nullptr, int(n)).arg(m_firstTransportError);
    case 400: return tr("%n send(s) were rejected as invalid (HTTP 400): fix the payload", nullptr, int(n));
    case 401:
    case 403:
        return tr("%n send(s) were refused (HTTP %1): the tenant key is not accepted", nullptr, int(n))
            .arg(m_firstOtherStatus);
    case 429: return tr("%n send(s) were rate limited (HTTP 429): lower N or use another tenant", nullptr, int(n));
    default:
        return tr("%n send(s) answered neither 202 nor 200 (first: HTTP %1)", nullptr, int(n)).arg(m_firstOtherStatus);
    }
}

// The rules of docs/replay-verification.md, in their order: a broken promise
// is a FAIL whatever else happened; then anything that kept the run from
// deciding is INCONCLUSIVE; then the expected counts PASS; else FAIL.
void ReplayRun::judge(const QString& problem)
{
    ReplayVerdict& v = m_verdict;
    using Outcome = ReplayVerdict::Outcome;
    const qint64 expectedDuplicates = m_plan.sends - v.expectedAccepted;
    const auto verdict = [&v](Outcome outcome, const QString& reason) {
        v.outcome = outcome;
        v.reason = reason;
    };
    if (v.accepted > v.expectedAccepted)
        verdict(Outcome::Fail, tr("%1 sends were accepted (202) where at most %2 may be")
                                   .arg(v.accepted)
                                   .arg(v.expectedAccepted));
    else if (v.storedRows && *v.storedRows > 1)
        verdict(Outcome::Fail, tr("%1 rows were stored for one message").arg(*v.storedRows));
    else if (!problem.isEmpty())
        verdict(Outcome::Inconclusive, problem);
    else if (!answerProblem().isEmpty())
        verdict(Outcome::Inconclusive, answerProblem());
    else if (v.expectedAccepted == 1 && v.accepted == 0 && v.duplicates == m_plan.sends)
        verdict(Outcome::Inconclusive, tr("the message id %1 was already used before this run, so no send could be "
                                          "the first: use a fresh id, or pin the id to re-check it")
                                           .arg(v.providerMessageId));
    else if (v.accepted == v.expectedAccepted && v.duplicates == expectedDuplicates && v.storedRows == 1)
        verdict(Outcome::Pass, QString());
    else if (v.storedRows == 0)
        verdict(Outcome::Fail, tr("the gateway answered for the message but stored no row within %1 s")
                                   .arg(kVerifyTimeoutMs / 1000));
    else
        verdict(Outcome::Fail, tr("the answers do not match exactly-once delivery"));
}

void ReplayRun::conclude(const QString& problem)
{
    m_running = false;
    ReplayVerdict& v = m_verdict;
    if (v.outcome != ReplayVerdict::Outcome::Cancelled)
        judge(problem);
    const qint64 expectedDuplicates = m_plan.sends - v.expectedAccepted;
    QStringList lines;
    lines << tr("%1 sends from %2 concurrent senders").arg(m_plan.sends).arg(m_plan.concurrency);
    if (m_plan.idUsedBefore)
        lines << tr("message id %1 pinned: an earlier run already sent it").arg(v.providerMessageId);
    lines << tr("202 accepted: %1 (expected %2)").arg(v.accepted).arg(v.expectedAccepted);
    lines << tr("200 duplicate: %1 (expected %2)").arg(v.duplicates).arg(expectedDuplicates);
    lines << tr("other answers: %1 (expected 0)").arg(v.others);
    lines << (v.storedRows ? tr("GET /v1/admin/events/count?tenantId=%1&channel=%2&providerMessageId=%3 → %4 (expected 1)")
                                 .arg(v.tenantId, m_plan.channel, v.providerMessageId)
                                 .arg(*v.storedRows)
                           : tr("stored rows: not verified"));
    if (v.outcome == ReplayVerdict::Outcome::Cancelled)
        lines << problem;
    else if (!v.reason.isEmpty())
        lines << tr("why: %1").arg(v.reason);
    v.evidence = lines.join(QLatin1Char('\n'));
    emit verdictReady(v);
}

} // namespace mccig::console
