#include "ratelimit/rate_limit_screen.h"

#include "app/console_session.h"
#include "live/live_source.h"
#include "models/bucket_table_model.h"
#include "models/burst_series_model.h"
#include "models/throttle_series_model.h"
#include "ratelimit/burst_test.h"
#include "widgets/elided_label.h"
#include "widgets/fill_bar_delegate.h"
#include "widgets/live_chart.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mccig::console {

RateLimitScreen::RateLimitScreen(QWidget* parent)
    : ConsoleScreen(parent), m_buckets(new BucketTableModel(this)), m_throttles(new ThrottleSeriesModel(this)),
      m_burst(new BurstSeriesModel(this))
{
    m_throttles->setWindowSeconds(kHistorySeconds);
    m_table = new QTableView(this);
    m_table->setModel(m_buckets);
    m_table->setItemDelegateForColumn(BucketTableModel::FillColumn,
                                      new FillBarDelegate(BucketTableModel::FillRatioRole, m_table));
    m_table->verticalHeader()->hide();
    // Columns never shrink below their header: a narrow window scrolls instead
    // of clipping "Rate-limited" to "ate-limite".
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAccessibleName(tr("Token buckets"));
    m_sourceLabel = new ElidedLabel(this);
    auto* throttleChart = new LiveChart(tr("429s per tenant per second"), m_throttles,
                                        ThrottleSeriesModel::TimeColumn, {}, LiveChart::XAxis::Time, this);
    throttleChart->setWindowSeconds(kHistorySeconds);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_sourceLabel);
    topLayout->addWidget(m_table);
    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(throttleChart);
    bottom->addWidget(buildBurstPane());
    bottom->setSizes({600, 600});
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        m_burstTenant->setCurrentText(index.data(BucketTableModel::TenantIdRole).toString());
    });
    setSession(nullptr);
}

QWidget* RateLimitScreen::buildBurstPane()
{
    auto* box = new QGroupBox(tr("Burst tester"), this);
    auto* form = new QFormLayout;
    m_burstTenant = new QComboBox(box);
    m_rate = new QSpinBox(box);
    m_rate->setRange(1, 5000);
    m_rate->setValue(200);
    m_rate->setSuffix(tr(" req/s"));
    m_duration = new QSpinBox(box);
    m_duration->setRange(1, 120);
    m_duration->setValue(5);
    m_duration->setSuffix(tr(" s"));
    m_burstTenant->setAccessibleName(tr("Burst tenant"));
    m_rate->setAccessibleName(tr("Burst rate"));
    m_duration->setAccessibleName(tr("Burst duration"));
    form->addRow(tr("&Tenant key"), m_burstTenant);
    form->addRow(tr("&Rate"), m_rate);
    form->addRow(tr("&Duration"), m_duration);
    m_startButton = new QPushButton(tr("&Start burst"), box);
    m_stopButton = new QPushButton(tr("S&top"), box);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_startButton);
    m_burstTotals = new QLabel(box);
    auto* chart = new LiveChart(tr("Burst: answers per second"), m_burst, BurstSeriesModel::SecondColumn,
                                {BurstSeriesModel::AcceptedColumn, BurstSeriesModel::ThrottledColumn,
                                 BurstSeriesModel::OtherColumn},
                                LiveChart::XAxis::Seconds, box);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_burstTotals);
    layout->addWidget(chart, 1);
    connect(m_startButton, &QPushButton::clicked, this,
            [this] { startBurst(m_burstTenant->currentText(), m_rate->value(), m_duration->value()); });
    connect(m_stopButton, &QPushButton::clicked, this, &RateLimitScreen::stopBurst);
    return box;
}

void RateLimitScreen::setSession(ConsoleSession* session)
{
    stopBurst();
    if (m_session != nullptr)
        disconnect(m_session->liveSource(), nullptr, this, nullptr);
    m_session = session;
    m_burstTenant->clear();
    m_throttles->clear();
    m_buckets->update({}, {});
    if (session != nullptr) {
        for (const TenantKey& key : session->profile().tenantKeys)
            m_burstTenant->addItem(key.tenantId, key.key);
        connect(session->liveSource(), &LiveSource::snapshotReady, this, &RateLimitScreen::applySnapshot);
        connect(session->liveSource(), &LiveSource::failed, this,
                [this](const QString& message) { m_sourceLabel->setText(tr("Live data failed: %1").arg(message)); });
    }
    m_startButton->setEnabled(session != nullptr && m_burstTenant->count() > 0);
    m_stopButton->setEnabled(false);
    m_sourceLabel->setText(session == nullptr ? tr("Not connected") : QString());
}

void RateLimitScreen::refresh()
{
    if (m_session != nullptr)
        m_session->liveSource()->refreshNow();
}

void RateLimitScreen::applySnapshot(const LiveSnapshot& snapshot)
{
    QHash<QString, qint64> recent;
    const qsizetype first = qMax<qsizetype>(0, snapshot.series.size() - kRecentSeconds);
    for (qsizetype i = first; i < snapshot.series.size(); ++i) {
        const auto& perTenant = snapshot.series.at(i).tenantRateLimited;
        for (auto it = perTenant.cbegin(); it != perTenant.cend(); ++it)
            recent[it.key()] += it.value();
    }
    m_buckets->update(snapshot.tenants, recent);
    const qsizetype historyStart = qMax<qsizetype>(0, snapshot.series.size() - kHistorySeconds);
    m_throttles->merge(snapshot.series.mid(historyStart));
    m_sourceLabel->setText(snapshot.source == LiveSnapshot::Source::Redis
                               ? tr("Buckets read from Redis directly, refreshed every second")
                               : tr("Buckets read through the admin API (no Redis URL in this profile)"));
    emit snapshotApplied();
}

void RateLimitScreen::startBurst(const QString& tenantId, int ratePerSecond, int durationSeconds)
{
    if (isBurstRunning() || m_session == nullptr)
        return;
    const QString key = m_session->profile().keyForTenant(tenantId);
    if (key.isEmpty())
        return;
    m_burstTenant->setCurrentText(tenantId);
    m_rate->setValue(ratePerSecond);
    m_duration->setValue(durationSeconds);
    m_burst->reset();
    m_burstTest = new BurstTest(m_session->backend(), {key, ratePerSecond, durationSeconds}, this);
    connect(m_burstTest, &BurstTest::answered, this, [this](int second, int status) {
        m_burst->record(second, status);
        updateBurstTotals();
    });
    connect(m_burstTest, &BurstTest::finished, this, [this] {
        m_startButton->setEnabled(true);
        m_stopButton->setEnabled(false);
        m_burstTest->deleteLater();
        emit burstFinished();
    });
    m_startButton->setEnabled(false);
    m_stopButton->setEnabled(true);
    m_burstTest->start();
}

void RateLimitScreen::stopBurst()
{
    if (isBurstRunning())
        m_burstTest->stop();
}

bool RateLimitScreen::isBurstRunning() const { return m_burstTest && m_burstTest->isRunning(); }

void RateLimitScreen::updateBurstTotals()
{
    m_burstTotals->setText(tr("Accepted %1 · throttled (429) %2 · other %3")
                               .arg(m_burst->total(BurstSeriesModel::AcceptedColumn))
                               .arg(m_burst->total(BurstSeriesModel::ThrottledColumn))
                               .arg(m_burst->total(BurstSeriesModel::OtherColumn)));
}

} // namespace mccig::console
