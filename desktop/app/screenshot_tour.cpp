#include "app/screenshot_tour.h"

#include "app/console_session.h"
#include "app/main_window.h"
#include "dashboard/dashboard_screen.h"
#include "dlq/dlq_screen.h"
#include "playground/payload_templates.h"
#include "playground/playground_screen.h"
#include "ratelimit/rate_limit_screen.h"
#include "replay/replay_screen.h"

#include <QTableView>
#include <QTimer>

#include <memory>

namespace mccig::console {
namespace {

// Runs `done` once: on `signal` of `sender`, or after the timeout.
template <typename Sender, typename Signal>
void onceOrTimeout(Sender* sender, Signal signal, QObject* context, std::function<void()> done)
{
    auto fired = std::make_shared<bool>(false);
    auto finish = [fired, done] {
        if (*fired)
            return;
        *fired = true;
        done();
    };
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(sender, signal, context, [finish, connection] {
        QObject::disconnect(*connection);
        finish();
    });
    QTimer::singleShot(ScreenshotTour::kStepTimeoutMs, context, finish);
}

// The tenant keys of the session, for the steps that send.
QString tenantAt(MainWindow* window, qsizetype index)
{
    const auto& keys = window->session()->profile().tenantKeys;
    return keys.isEmpty() ? QString() : keys.at(qMin(index, keys.size() - 1)).tenantId;
}

} // namespace

ScreenshotTour::ScreenshotTour(MainWindow* window, const QString& directory, QObject* parent)
    : QObject(parent), m_window(window), m_directory(directory)
{
    m_names = {QStringLiteral("01-dashboard"), QStringLiteral("02-playground"), QStringLiteral("03-replay"),
               QStringLiteral("04-rate-limit"), QStringLiteral("05-dlq"), QStringLiteral("06-api-docs")};
    m_steps.append([this](std::function<void()> done) {
        // A one-minute window and several refreshes, so the charts show a
        // stretch of traffic.
        m_window->dashboard()->setWindowMinutes(1);
        auto remaining = std::make_shared<int>(12);
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_window->dashboard(), &DashboardScreen::snapshotApplied, this, [=] {
            if (--*remaining == 0) {
                disconnect(*connection);
                done();
            }
        });
    });
    m_steps.append([this](std::function<void()> done) {
        PlaygroundScreen* playground = m_window->playground();
        playground->setChannel(QStringLiteral("chat"));
        playground->selectTenant(tenantAt(m_window, 0));
        playground->send();
        onceOrTimeout(playground, &PlaygroundScreen::responseShown, this, [this, playground, done] {
            playground->setChannel(QStringLiteral("sms"));
            playground->send();
            onceOrTimeout(playground, &PlaygroundScreen::responseShown, this, [playground, done] {
                playground->send();
                onceOrTimeout(playground, &PlaygroundScreen::responseShown, playground, done);
            });
        });
    });
    m_steps.append([this](std::function<void()> done) {
        ReplayScreen* replay = m_window->replay();
        replay->setPlan(QStringLiteral("sms"), tenantAt(m_window, 0), payloadTemplate(QStringLiteral("sms")), 50, 8);
        replay->run();
        onceOrTimeout(replay, &ReplayScreen::verdictReady, this, done);
    });
    m_steps.append([this](std::function<void()> done) {
        RateLimitScreen* screen = m_window->rateLimit();
        screen->startBurst(tenantAt(m_window, 1), 400, 4);
        onceOrTimeout(screen, &RateLimitScreen::burstFinished, this, [this, screen, done] {
            onceOrTimeout(screen, &RateLimitScreen::snapshotApplied, this, done);
        });
    });
    m_steps.append([this](std::function<void()> done) {
        DlqScreen* dlq = m_window->dlq();
        dlq->refresh();
        onceOrTimeout(dlq, &DlqScreen::loaded, this, [dlq, done] {
            dlq->view()->selectRow(0);
            done();
        });
    });
    m_steps.append([](std::function<void()> done) { done(); });
}

void ScreenshotTour::start() { runStep(0); }

void ScreenshotTour::runStep(int index)
{
    if (index >= m_steps.size() || !m_window) {
        emit finished(m_written);
        return;
    }
    m_window->showScreen(MainWindow::Screen(index));
    m_steps[index]([this, index] {
        // A short pause lets charts and tables lay out after the last update.
        QTimer::singleShot(400, this, [this, index] {
            grab(index);
            runStep(index + 1);
        });
    });
}

void ScreenshotTour::grab(int index)
{
    m_directory.mkpath(QStringLiteral("."));
    const QString path = m_directory.filePath(m_names.at(index) + QStringLiteral(".png"));
    if (m_window->grab().save(path))
        ++m_written;
}

} // namespace mccig::console
