#include "dashboard/dashboard_screen.h"

#include "app/console_session.h"
#include "live/depth_history.h"
#include "live/live_source.h"
#include "models/depth_series_model.h"
#include "models/stats_series_model.h"
#include "models/tenant_table_model.h"
#include "widgets/elided_label.h"
#include "widgets/live_chart.h"

#include <QComboBox>
#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QAction>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace mccig::console {
namespace {

constexpr int kWindowMinutes[] = {1, 5, 15, 60};

} // namespace

DashboardScreen::DashboardScreen(QWidget* parent)
    : ConsoleScreen(parent), m_stats(new StatsSeriesModel(this)), m_depth(new DepthSeriesModel(this)),
      m_tenants(new TenantTableModel(this))
{
    using S = StatsSeriesModel;
    auto* ingest = new LiveChart(tr("Ingest per second"), m_stats, S::TimeColumn,
                                 {S::AcceptedColumn, S::DuplicateColumn, S::RateLimitedColumn, S::InvalidColumn},
                                 LiveChart::XAxis::Time, this);
    auto* worker = new LiveChart(tr("Worker per second"), m_stats, S::TimeColumn,
                                 {S::PersistedColumn, S::RetriedColumn, S::DeadLetteredColumn}, LiveChart::XAxis::Time,
                                 this);
    auto* depth = new LiveChart(tr("Queue and DLQ depth"), m_depth, DepthSeriesModel::TimeColumn,
                                {DepthSeriesModel::QueueDepthColumn, DepthSeriesModel::DlqDepthColumn},
                                LiveChart::XAxis::Time, this);
    m_timeCharts = {ingest, worker, depth};
    auto* table = new QTableView(this);
    table->setModel(m_tenants);
    table->verticalHeader()->hide();
    // Columns never shrink below their header: a narrow window scrolls instead
    // of clipping "Rate-limited" to "ate-limite".
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto* grid = new QGridLayout;
    grid->addWidget(ingest, 0, 0);
    grid->addWidget(worker, 0, 1);
    grid->addWidget(depth, 1, 0);
    grid->addWidget(table, 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildHeader());
    layout->addLayout(grid, 1);
    auto* pause = new QAction(tr("&Pause the live view"), this);
    pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(pause, &QAction::triggered, m_pause, &QToolButton::toggle);
    addAction(pause);
    table->setAccessibleName(tr("Tenants"));
    setWindowMinutes(QSettings().value(QStringLiteral("dashboard/windowMinutes"), 5).toInt());
    setSession(nullptr);
}

QLabel* DashboardScreen::addTile(QWidget* parent, const QString& caption)
{
    auto* frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(10, 4, 10, 4);
    auto* value = new QLabel(QStringLiteral("–"), frame);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    value->setFont(big);
    layout->addWidget(new QLabel(caption, frame));
    layout->addWidget(value);
    parent->layout()->addWidget(frame);
    return value;
}

QWidget* DashboardScreen::buildHeader()
{
    auto* header = new QWidget(this);
    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    m_acceptedTile = addTile(header, tr("Accepted/s"));
    m_persistedTile = addTile(header, tr("Persisted/s"));
    m_queueTile = addTile(header, tr("Queue depth"));
    m_dlqTile = addTile(header, tr("DLQ depth"));
    layout->addStretch();
    // The controls above the source line, beside the tiles: one row of both
    // would not fit a 1024 px window in German.
    auto* controls = new QGridLayout;
    m_sourceLabel = new ElidedLabel(header);
    m_sourceLabel->setAlignment(Qt::AlignRight);
    m_window = new QComboBox(header);
    for (int minutes : kWindowMinutes)
        m_window->addItem(tr("Last %n minute(s)", nullptr, minutes), minutes);
    m_window->setToolTip(tr("Time window of the charts"));
    m_window->setAccessibleName(tr("Time window"));
    m_pause = new QToolButton(header);
    m_pause->setCheckable(true);
    m_pause->setText(tr("Pause"));
    m_pause->setToolTip(tr("Pause or resume the live view (Ctrl+P)"));
    controls->addWidget(m_window, 0, 0);
    controls->addWidget(m_pause, 0, 1);
    controls->addWidget(m_sourceLabel, 1, 0, 1, 2);
    layout->addLayout(controls, 1);
    connect(m_window, &QComboBox::currentIndexChanged, this,
            [this] { setWindowMinutes(m_window->currentData().toInt()); });
    connect(m_pause, &QToolButton::toggled, this, [this](bool paused) {
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
        if (paused)
            showSource(m_lastSnapshotTime.isEmpty() ? tr("⏸ Paused")
                                                    : tr("⏸ Paused · figures of %1").arg(m_lastSnapshotTime));
    });
    return header;
}

void DashboardScreen::setSession(ConsoleSession* session)
{
    if (m_session != nullptr)
        disconnect(m_session->liveSource(), nullptr, this, nullptr);
    m_session = session;
    // Nothing of the previous connection may stay on screen.
    m_stats->clear();
    m_depth->clear();
    m_tenants->update({}, {});
    m_lastSnapshotTime.clear();
    m_dlqDepthShown = -1;
    for (QLabel* tile : {m_acceptedTile, m_persistedTile, m_queueTile, m_dlqTile})
        tile->setText(QStringLiteral("–"));
    if (session == nullptr) {
        showSource(tr("Not connected"));
        return;
    }
    LiveSource* source = session->liveSource();
    source->setWindowSeconds(qMax(windowMinutes() * 60, kMinimumSourceWindowSeconds));
    connect(source, &LiveSource::snapshotReady, this, &DashboardScreen::applySnapshot);
    connect(source, &LiveSource::failed, this, [this](const QString& message) {
        showSource(tr("Live data failed: %1").arg(message), SourceState::Failed);
    });
}

void DashboardScreen::refresh()
{
    if (m_session != nullptr)
        m_session->liveSource()->refreshNow();
}

void DashboardScreen::setPaused(bool paused) { m_pause->setChecked(paused); }

bool DashboardScreen::isPaused() const { return m_pause->isChecked(); }

int DashboardScreen::windowMinutes() const { return m_stats->windowSeconds() / 60; }

QString DashboardScreen::sourceText() const { return m_sourceLabel->text(); }

void DashboardScreen::showSource(const QString& text, SourceState state)
{
    m_sourceLabel->setText(text);
    m_sourceLabel->setStyleSheet(state == SourceState::Failed ? QStringLiteral("color: #c62828") : QString());
}

void DashboardScreen::setWindowMinutes(int minutes)
{
    const int index = m_window->findData(minutes);
    if (index < 0)
        return;
    m_window->setCurrentIndex(index);
    m_stats->setWindowSeconds(minutes * 60);
    m_depth->setWindowSeconds(minutes * 60);
    for (LiveChart* chart : std::as_const(m_timeCharts))
        chart->setWindowSeconds(minutes * 60);
    if (m_session != nullptr)
        m_session->liveSource()->setWindowSeconds(qMax(minutes * 60, kMinimumSourceWindowSeconds));
    QSettings().setValue(QStringLiteral("dashboard/windowMinutes"), minutes);
}

void DashboardScreen::applySnapshot(const LiveSnapshot& snapshot)
{
    if (isPaused())
        return;
    const qsizetype keep = qMin<qsizetype>(snapshot.series.size(), m_stats->windowSeconds());
    m_stats->merge(snapshot.series.mid(snapshot.series.size() - keep));
    m_depth->addSample(snapshot.takenAtMs / 1000, snapshot.queueDepth, snapshot.dlqDepth);
    // Before the first sample (at connect, or when the window grows) the
    // chart shows the depths the server's counters lead back to.
    m_depth->fillHistory(depthHistory(snapshot.series, snapshot.queueDepth, snapshot.dlqDepth));
    // The newest second is still filling up; the one before is complete.
    const StatsPoint last = snapshot.series.size() >= 2 ? snapshot.series.at(snapshot.series.size() - 2) : StatsPoint();
    m_tenants->update(snapshot.tenants, last.tenantAccepted);
    updateTiles(snapshot);
    emit snapshotApplied();
}

void DashboardScreen::updateTiles(const LiveSnapshot& snapshot)
{
    const StatsPoint last = snapshot.series.size() >= 2 ? snapshot.series.at(snapshot.series.size() - 2) : StatsPoint();
    m_acceptedTile->setText(QString::number(last.value(Figure::Accepted)));
    m_persistedTile->setText(QString::number(last.value(Figure::Persisted)));
    m_queueTile->setText(QString::number(snapshot.queueDepth));
    m_dlqTile->setText(QString::number(snapshot.dlqDepth));
    m_dlqDepthShown = snapshot.dlqDepth;
    m_lastSnapshotTime = QDateTime::fromMSecsSinceEpoch(snapshot.takenAtMs).toString(QStringLiteral("HH:mm:ss"));
    showSource(snapshot.source == LiveSnapshot::Source::Redis ? tr("Live from Redis · %1").arg(m_lastSnapshotTime)
                                                              : tr("Live from the admin API · %1").arg(m_lastSnapshotTime));
}

} // namespace mccig::console

