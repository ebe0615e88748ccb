#include "app/screenshot_tour.h"

#include "app/connection_status.h"
#include "app/console_session.h"
#include "app/main_window.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"
#include "dashboard/dashboard_screen.h"
#include "dlq/dlq_screen.h"
#include "live/live_source.h"
#include "models/dlq_table_model.h"
#include "playground/payload_templates.h"
#include "playground/playground_screen.h"
#include "ratelimit/rate_limit_screen.h"
#include "replay/replay_screen.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTimer>

#include <cstdio>
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

// Runs `done` once `holds()` is true after some emission of `signal`, or
// after the timeout.
template <typename Sender, typename Signal>
void whenOrTimeout(Sender* sender, Signal signal, QObject* context, std::function<bool()> holds,
                   std::function<void()> done)
{
    auto fired = std::make_shared<bool>(false);
    auto connection = std::make_shared<QMetaObject::Connection>();
    auto finish = [fired, done, connection] {
        if (*fired)
            return;
        *fired = true;
        QObject::disconnect(*connection);
        done();
    };
    *connection = QObject::connect(sender, signal, context, [finish, holds] {
        if (holds())
            finish();
    });
    QTimer::singleShot(ScreenshotTour::kStepTimeoutMs, context, finish);
}

// The tenant keys of the session, for the steps that send.
TenantKey tenantAt(MainWindow* window, qsizetype index)
{
    const auto& keys = window->session()->profile().tenantKeys;
    return keys.isEmpty() ? TenantKey() : keys.at(qMin(index, keys.size() - 1));
}

// An SMS the server's simulation mode fails on purpose, so it dead-letters.
QByteArray failingSms()
{
    const QJsonObject body{{QStringLiteral("providerMessageId"), freshProviderMessageId()},
                           {QStringLiteral("from"), QStringLiteral("+14155550100")},
                           {QStringLiteral("to"), QStringLiteral("+14155550199")},
                           {QStringLiteral("body"), QStringLiteral("fails on purpose")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("simulateFailure"), true}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

ScreenshotTour::ScreenshotTour(MainWindow* window, const QString& directory, QObject* parent)
    : QObject(parent), m_window(window), m_directory(directory)
{
    addScreenShots();
    addSituationShots();
}

void ScreenshotTour::addScreenShots()
{
    m_shots.append({QStringLiteral("01-dashboard"), [this](Done done) {
        // A one-minute window and several refreshes, so the charts show a
        // stretch of traffic.
        m_window->showScreen(MainWindow::DashboardPage);
        m_window->dashboard()->setWindowMinutes(1);
        auto remaining = std::make_shared<int>(8);
        whenOrTimeout(m_window->dashboard(), &DashboardScreen::snapshotApplied, this,
                      [remaining] { return --*remaining <= 0; }, done);
    }});
    m_shots.append({QStringLiteral("02-playground"), [this](Done done) {
        m_window->showScreen(MainWindow::PlaygroundPage);
        PlaygroundScreen* playground = m_window->playground();
        playground->setChannel(QStringLiteral("sms"));
        playground->selectTenant(tenantAt(m_window, 0).tenantId);
        playground->newMessageId();
        playground->send();
        onceOrTimeout(playground, &PlaygroundScreen::responseShown, this, [this, playground, done] {
            playground->send();
            onceOrTimeout(playground, &PlaygroundScreen::responseShown, this, done);
        });
    }});
    m_shots.append({QStringLiteral("03-replay"), [this](Done done) {
        m_window->showScreen(MainWindow::ReplayPage);
        ReplayScreen* replay = m_window->replay();
        replay->setPlan(QStringLiteral("sms"), tenantAt(m_window, 0).tenantId, payloadTemplate(QStringLiteral("sms")),
                        50, 8);
        replay->run();
        onceOrTimeout(replay, &ReplayScreen::verdictReady, this, done);
    }});
    m_shots.append({QStringLiteral("04-rate-limit"), [this](Done done) {
        m_window->showScreen(MainWindow::RateLimitPage);
        RateLimitScreen* screen = m_window->rateLimit();
        screen->startBurst(tenantAt(m_window, 1).tenantId, 400, 4);
        onceOrTimeout(screen, &RateLimitScreen::burstFinished, this, [this, screen, done] {
            onceOrTimeout(screen, &RateLimitScreen::snapshotApplied, this, done);
        });
    }});
    m_shots.append({QStringLiteral("05-dlq"), [this](Done done) {
        DlqScreen* dlq = m_window->dlq();
        onceOrTimeout(dlq, &DlqScreen::loaded, this, [dlq, done] {
            dlq->view()->selectRow(0);
            done();
        });
        m_window->showScreen(MainWindow::DlqPage); // showing the page reloads it
    }});
    m_shots.append({QStringLiteral("06-api-docs"), [this](Done done) {
        m_window->showScreen(MainWindow::ApiDocsPage);
        done();
    }});
}

void ScreenshotTour::addSituationShots()
{
    m_shots.append({QStringLiteral("07-dlq-new-failures-on-dashboard"), [this](Done done) {
        // Failures arrive while the DLQ list is loaded but not shown.
        m_window->showScreen(MainWindow::DashboardPage);
        const qint64 before = m_window->dlq()->model()->totalCount();
        sendFailures(3, [this, before, done] {
            whenOrTimeout(m_window->dashboard(), &DashboardScreen::snapshotApplied, this,
                          [this, before] { return m_window->dashboard()->dlqDepthShown() >= before + 3; }, done);
        });
    }});
    m_shots.append({QStringLiteral("08-dlq-follows-the-depth"), [this](Done done) {
        DlqScreen* dlq = m_window->dlq();
        const qint64 depth = m_window->dashboard()->dlqDepthShown();
        whenOrTimeout(dlq, &DlqScreen::loaded, this, [dlq, depth] { return dlq->model()->totalCount() >= depth; },
                      done);
        m_window->showScreen(MainWindow::DlqPage);
    }});
    m_shots.append({QStringLiteral("09-wrong-admin-key-dashboard"), [this](Done done) {
        m_window->showScreen(MainWindow::DashboardPage);
        withAdminKey(QStringLiteral("wrong-admin-key"), [this, done] {
            ConnectionStatus* status = m_window->connectionStatus();
            whenOrTimeout(status, &ConnectionStatus::changed, this,
                          [status] { return status->admin() == ConnectionStatus::State::Bad; }, [this, done] {
                              onceOrTimeout(m_window->dashboard(), &DashboardScreen::snapshotApplied, this, done);
                          });
        });
    }});
    m_shots.append({QStringLiteral("10-wrong-admin-key-dlq"), [this](Done done) {
        onceOrTimeout(m_window->dlq(), &DlqScreen::loadFailed, this, done);
        m_window->showScreen(MainWindow::DlqPage);
    }});
    m_shots.append({QStringLiteral("11-wrong-admin-key-replay"), [this](Done done) {
        m_window->showScreen(MainWindow::ReplayPage);
        ReplayScreen* replay = m_window->replay();
        replay->setPlan(QStringLiteral("sms"), tenantAt(m_window, 0).tenantId, payloadTemplate(QStringLiteral("sms")),
                        20, 4);
        replay->run();
        onceOrTimeout(replay, &ReplayScreen::verdictReady, this, done);
    }});
    m_shots.append({QStringLiteral("12-not-connected"), [this](Done done) {
        m_window->closeSession();
        m_window->showScreen(MainWindow::DashboardPage);
        done();
    }});
    m_shots.append({QStringLiteral("13-connections"),
                    [this](Done done) {
                        m_dialog = m_window->openConnections();
                        done();
                    },
                    [this]() -> QWidget* { return m_dialog; }});
}

int ScreenshotTour::expectedCount() const { return int(m_shots.size() * std::size(kSizes)); }

// Reopens the session's profile with another admin key.
void ScreenshotTour::withAdminKey(const QString& adminKey, Done done)
{
    ConnectionProfile profile = m_window->session()->profile();
    profile.adminKey = adminKey;
    profile.name = tr("%1, wrong admin key").arg(profile.name);
    profile.id += QStringLiteral("-wrong-key");
    (void)m_window->openProfile(profile);
    done();
}

void ScreenshotTour::sendFailures(int count, Done done)
{
    auto remaining = std::make_shared<int>(count);
    for (int i = 0; i < count; ++i) {
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/v1/ingest/sms");
        request.body = failingSms();
        request.auth = ApiAuth::Tenant;
        request.tenantKey = tenantAt(m_window, 0).key;
        connect(m_window->session()->backend()->send(request), &PendingCall::finished, this, [remaining, done] {
            if (--*remaining == 0)
                done();
        });
    }
}

void ScreenshotTour::start() { runShot(0, 0); }

void ScreenshotTour::runShot(int size, int index)
{
    if (!m_window) {
        emit finished(m_written);
        return;
    }
    if (index >= m_shots.size()) {
        if (size + 1 >= int(std::size(kSizes))) {
            emit finished(m_written);
            return;
        }
        // The next size starts connected, as the first one did.
        (void)m_window->openProfile(m_original);
        runShot(size + 1, 0);
        return;
    }
    if (index == 0) {
        m_window->resize(kSizes[size]);
        if (m_window->session() != nullptr)
            m_original = m_window->session()->profile();
    }
    m_shots[index].prepare([this, size, index] {
        // A short pause lets charts and tables lay out after the last update.
        QTimer::singleShot(600, this, [this, size, index] {
            const Shot& shot = m_shots.at(index);
            QWidget* subject = shot.subject ? shot.subject() : m_window.data();
            grab(subject, size, shot.name);
            if (subject != nullptr && subject != m_window.data())
                subject->close();
            runShot(size, index + 1);
        });
    });
}

void ScreenshotTour::grab(QWidget* subject, int size, const QString& name)
{
    if (subject == nullptr)
        return;
    const QString folder = QStringLiteral("%1x%2").arg(kSizes[size].width()).arg(kSizes[size].height());
    m_directory.mkpath(folder);
    // Eight-bit colour keeps the documentation's pictures small; a window of
    // flat widgets loses nothing visible.
    const QImage image = subject->grab().toImage().convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither);
    if (image.save(m_directory.filePath(folder + QLatin1Char('/') + name + QStringLiteral(".png")), "PNG", 0))
        ++m_written;
}

int ScreenshotTour::run(MainWindow& window, const QString& directory)
{
    auto* tour = new ScreenshotTour(&window, directory, &window);
    int written = 0;
    QObject::connect(tour, &ScreenshotTour::finished, &window, [&written](int count) {
        written = count;
        QApplication::quit();
    });
    tour->start();
    QApplication::exec();
    std::printf("wrote %d screenshots to %s\n", written, qPrintable(directory));
    return written == tour->expectedCount() ? 0 : 1;
}

} // namespace mccig::console
