#include "ratelimit/burst_test.h"

#include "backend/console_backend.h"
#include "backend/pending_call.h"
#include "playground/payload_templates.h"

#include <QTimer>

namespace mccig::console {
namespace {

constexpr int kFirstLane = 32; // apart from the lanes replay runs use

} // namespace

BurstTest::BurstTest(ConsoleBackend* backend, const Plan& plan, QObject* parent)
    : QObject(parent), m_backend(backend), m_plan(plan), m_timer(new QTimer(this))
{
    m_plan.ratePerSecond = qMax(1, m_plan.ratePerSecond);
    m_plan.durationSeconds = qMax(1, m_plan.durationSeconds);
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &BurstTest::tick);
}

void BurstTest::start()
{
    if (m_running || !m_backend)
        return;
    m_running = true;
    m_clock.start();
    m_timer->start();
    tick();
}

void BurstTest::stop()
{
    if (!m_running)
        return;
    m_timer->stop();
    m_plan.durationSeconds = int(m_clock.elapsed() / 1000);
    m_running = false;
    emit finished();
}

void BurstTest::tick()
{
    const qint64 elapsedMs = m_clock.elapsed();
    const int total = m_plan.ratePerSecond * m_plan.durationSeconds;
    const qint64 due = qMin<qint64>(total, (elapsedMs * m_plan.ratePerSecond) / 1000 + 1);
    while (m_sent < due && m_inFlight < kMaxInFlight)
        sendOne();
    if (m_sent >= total || elapsedMs >= qint64(m_plan.durationSeconds) * 1000) {
        m_timer->stop();
        finishIfDone();
    }
}

void BurstTest::sendOne()
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/ingest/sms");
    request.body = withProviderMessageId(payloadTemplate(QStringLiteral("sms")), freshProviderMessageId()
                                                                                   + QString::number(m_sent));
    request.auth = ApiAuth::Tenant;
    request.tenantKey = m_plan.tenantKey;
    request.lane = kFirstLane + m_sent % kLanes;
    const int second = int(m_clock.elapsed() / 1000);
    ++m_sent;
    ++m_inFlight;
    connect(m_backend->send(request), &PendingCall::finished, this, [this, second](const ApiResponse& response) {
        --m_inFlight;
        if (m_running)
            emit answered(second, response.status);
        finishIfDone();
    });
}

void BurstTest::finishIfDone()
{
    if (!m_running || m_timer->isActive() || m_inFlight > 0)
        return;
    m_running = false;
    emit finished();
}

} // namespace mccig::console
