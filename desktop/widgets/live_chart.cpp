#include "widgets/live_chart.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QEvent>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QVXYModelMapper>
#include <QtCharts/QValueAxis>
#include <QTimer>

#include <cmath>
#include <utility>

namespace mccig::console {
namespace {

constexpr int kAntialiasedRowsLimit = 600;
constexpr int kMaxIntervals = 5;

// The smallest 1-2-5 step that covers `maximum` in at most kMaxIntervals
// whole-number intervals, so no two tick labels read the same ("0 0 1 1 2").
qint64 niceStep(double maximum)
{
    qint64 magnitude = 1;
    while (true) {
        for (qint64 factor : {1, 2, 5}) {
            if (double(factor * magnitude * kMaxIntervals) >= maximum)
                return factor * magnitude;
        }
        magnitude *= 10;
    }
}

// A tick interval for a time window that falls on whole seconds or minutes,
// in at most `maxIntervals` intervals.
qint64 timeStepSeconds(int windowSeconds, int maxIntervals)
{
    for (qint64 step : {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800}) {
        if (windowSeconds / step <= maxIntervals)
            return step;
    }
    return 3600;
}

} // namespace

class LiveChartPrivate {
public:
    QAbstractItemModel* model = nullptr;
    int xColumn = 0;
    bool autoColumns = false;
    LiveChart::XAxis xAxisKind = LiveChart::XAxis::Time;
    int windowSeconds = 300;
    QChart* chart = nullptr;
    QChartView* view = nullptr;
    QAbstractAxis* xAxis = nullptr;
    QValueAxis* yAxis = nullptr;
    QList<QLineSeries*> series;
    QList<int> columns;
    bool rescalePending = false;
};

LiveChart::LiveChart(const QString& title, QAbstractItemModel* model, int xColumn, const QList<int>& yColumns,
                     XAxis xAxis, QWidget* parent)
    : QWidget(parent), d(new LiveChartPrivate)
{
    d->model = model;
    d->xColumn = xColumn;
    d->autoColumns = yColumns.isEmpty();
    d->xAxisKind = xAxis;
    d->chart = new QChart;
    d->chart->setTitle(title);
    d->chart->legend()->setAlignment(Qt::AlignBottom);
    d->chart->setMargins(QMargins(4, 4, 4, 4));
    if (xAxis == XAxis::Time) {
        auto* axis = new QDateTimeAxis;
        axis->setFormat(QStringLiteral("HH:mm:ss"));
        axis->setTickCount(5);
        d->xAxis = axis;
    } else {
        auto* axis = new QValueAxis;
        axis->setLabelFormat(QStringLiteral("%d s"));
        d->xAxis = axis;
    }
    d->yAxis = new QValueAxis;
    d->yAxis->setLabelFormat(QStringLiteral("%d"));
    d->yAxis->setMin(0);
    if (xAxis == XAxis::Seconds)
        static_cast<QValueAxis*>(d->xAxis)->setTickType(QValueAxis::TicksDynamic);
    d->yAxis->setTickType(QValueAxis::TicksDynamic);
    d->yAxis->setTickAnchor(0);
    d->chart->addAxis(d->xAxis, Qt::AlignBottom);
    d->chart->addAxis(d->yAxis, Qt::AlignLeft);
    d->view = new QChartView(d->chart, this);
    d->view->setRenderHint(QPainter::Antialiasing);
    d->view->setAccessibleName(title);
    setAccessibleName(title);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->view);

    const QList<int> columns = d->autoColumns ? QList<int>() : yColumns;
    for (int column : columns)
        addSeries(column);
    if (d->autoColumns) {
        for (int column = 0; column < model->columnCount(); ++column) {
            if (column != xColumn)
                addSeries(column);
        }
        connect(model, &QAbstractItemModel::columnsInserted, this, [this](const QModelIndex&, int first, int last) {
            for (int column = first; column <= last; ++column)
                addSeries(column);
        });
    }
    connect(model, &QAbstractItemModel::rowsInserted, this, &LiveChart::scheduleRescale);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &LiveChart::scheduleRescale);
    connect(model, &QAbstractItemModel::dataChanged, this, &LiveChart::scheduleRescale);
    connect(model, &QAbstractItemModel::modelReset, this, &LiveChart::scheduleRescale);
    applyTheme();
    rescale();
}

LiveChart::~LiveChart() { delete d; }

int LiveChart::seriesCount() const { return int(d->series.size()); }

void LiveChart::addSeries(int column)
{
    auto* series = new QLineSeries(d->chart);
    series->setName(d->model->headerData(column, Qt::Horizontal).toString());
    applyColor(series, column);
    auto* mapper = new QVXYModelMapper(series);
    mapper->setXColumn(d->xColumn);
    mapper->setYColumn(column);
    mapper->setSeries(series);
    mapper->setModel(d->model);
    d->chart->addSeries(series);
    series->attachAxis(d->xAxis);
    series->attachAxis(d->yAxis);
    d->series.append(series);
    d->columns.append(column);
}

void LiveChart::setWindowSeconds(int seconds)
{
    d->windowSeconds = seconds;
    rescale();
}

void LiveChart::scheduleRescale()
{
    // One rescale per burst of model signals (a refresh emits several).
    if (d->rescalePending)
        return;
    d->rescalePending = true;
    QTimer::singleShot(0, this, &LiveChart::rescale);
}

void LiveChart::rescale()
{
    d->rescalePending = false;
    const int rows = d->model->rowCount();
    double maximum = 1;
    for (int row = 0; row < rows; ++row) {
        for (int column : std::as_const(d->columns))
            maximum = qMax(maximum, d->model->index(row, column).data().toDouble());
    }
    const qint64 step = niceStep(maximum * 1.15);
    d->yAxis->setTickInterval(double(step));
    d->yAxis->setRange(0, double(step * ((qint64(std::ceil(maximum * 1.15)) + step - 1) / step)));
    // Antialiased lines cost several times more to paint; past a few
    // hundred points per line the difference is invisible anyway.
    d->view->setRenderHint(QPainter::Antialiasing, rows <= kAntialiasedRowsLimit);
    if (d->xAxisKind == XAxis::Time) {
        // The axis ends on the next whole step, so every tick is a round time.
        const qint64 newest = rows > 0 ? d->model->index(rows - 1, d->xColumn).data().toDateTime().toSecsSinceEpoch()
                                       : QDateTime::currentSecsSinceEpoch();
        const qint64 stepSeconds = timeStepSeconds(d->windowSeconds, timeIntervalsThatFit());
        const qint64 end = (newest + stepSeconds - 1) / stepSeconds * stepSeconds;
        const qint64 intervals = qMax<qint64>(1, (d->windowSeconds + stepSeconds - 1) / stepSeconds);
        auto* axis = static_cast<QDateTimeAxis*>(d->xAxis);
        axis->setFormat(stepSeconds >= 60 ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss"));
        axis->setTickCount(int(intervals) + 1);
        axis->setRange(QDateTime::fromSecsSinceEpoch(end - intervals * stepSeconds), QDateTime::fromSecsSinceEpoch(end));
    } else {
        auto* axis = static_cast<QValueAxis*>(d->xAxis);
        const qint64 last = qMax(1, rows - 1);
        const qint64 step = niceStep(double(last));
        axis->setTickAnchor(0);
        axis->setTickInterval(double(step));
        axis->setRange(0, double(step * ((last + step - 1) / step)));
    }
}

// As many time ticks as there is room for their labels: a narrow chart (a
// small window) gets fewer instead of labels cut to "12:4…".
int LiveChart::timeIntervalsThatFit() const
{
    const QRectF plot = d->chart->plotArea();
    const double width = plot.width() > 0 ? plot.width() : double(d->view->width());
    const int labelSpace = QFontMetrics(d->xAxis->labelsFont()).horizontalAdvance(QStringLiteral("00:00:00")) * 3 / 2;
    return qBound(2, int(width / qMax(1, labelSpace)), kMaxIntervals + 1);
}

void LiveChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    scheduleRescale();
}

void LiveChart::applyTheme()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    d->chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    d->chart->setBackgroundBrush(palette().brush(QPalette::Base));
    d->chart->setTitleBrush(palette().brush(QPalette::Text));
    d->chart->legend()->setLabelColor(palette().color(QPalette::Text));
    d->yAxis->setLabelsColor(palette().color(QPalette::Text));
    d->xAxis->setLabelsColor(palette().color(QPalette::Text));
    // A theme brings its own colours; the outcomes keep theirs.
    for (qsizetype i = 0; i < d->series.size(); ++i)
        applyColor(d->series.at(i), d->columns.at(i));
}

void LiveChart::applyColor(QLineSeries* series, int column)
{
    const QVariant color = d->model->headerData(column, Qt::Horizontal, Qt::DecorationRole);
    if (!color.canConvert<QColor>())
        return;
    QPen pen = series->pen();
    pen.setColor(color.value<QColor>());
    pen.setWidthF(2);
    series->setPen(pen);
}

void LiveChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

} // namespace mccig::console
