#pragma once

#include <QList>
#include <QWidget>

class QAbstractItemModel;
class QLineSeries;

namespace mccig::console {

class LiveChartPrivate;

// A line chart of table-model columns, mapped with QVXYModelMapper so the
// chart and its table always show the same data. Column `xColumn` is the x
// value (a QDateTime for time axes, a number otherwise). With `yColumns`
// empty, every other column is charted, including columns added later (one
// line per tenant). Axes follow the data with whole-number ticks and round
// times; a column whose header has a Qt::DecorationRole colour is drawn in
// it, the rest follow the palette (light or dark). Only this widget includes
// Qt Charts.
class LiveChart final : public QWidget {
    Q_OBJECT
public:
    enum class XAxis {
        Time,
        Seconds,
    };

    LiveChart(const QString& title, QAbstractItemModel* model, int xColumn, const QList<int>& yColumns, XAxis xAxis,
              QWidget* parent = nullptr);
    ~LiveChart() override;

    // The time span the x axis shows, ending at the newest row (Time axes).
    void setWindowSeconds(int seconds);
    int seriesCount() const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void addSeries(int column);
    void scheduleRescale();
    int timeIntervalsThatFit() const;
    void rescale();
    void applyTheme();
    void applyColor(QLineSeries* series, int column);

    LiveChartPrivate* d;
};

} // namespace mccig::console
