#include "backend/admin_json.h"
#include "models/bucket_table_model.h"
#include "models/burst_series_model.h"
#include "live/depth_history.h"
#include "models/depth_series_model.h"
#include "models/dlq_table_model.h"
#include "models/history_model.h"
#include "models/replay_outcome_model.h"
#include "models/stats_series_model.h"
#include "models/tenant_table_model.h"
#include "models/throttle_series_model.h"
#include "widgets/elided_label.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace mccig::console;

namespace {

StatsPoint point(qint64 second, qint64 accepted, QHash<QString, qint64> throttled = {})
{
    StatsPoint p;
    p.epochSecond = second;
    p.values[std::size_t(Figure::Accepted)] = accepted;
    p.values[std::size_t(Figure::Persisted)] = accepted / 2;
    p.tenantRateLimited = throttled;
    return p;
}

QList<StatsPoint> window(qint64 first, qint64 last, qint64 accepted = 1)
{
    QList<StatsPoint> points;
    for (qint64 s = first; s <= last; ++s)
        points.append(point(s, accepted));
    return points;
}

TenantFigures tenant(const QString& id, double tokens = 5, double capacity = 10, qint64 rateLimited = 0)
{
    TenantFigures t;
    t.tenantId = id;
    t.accepted = 7;
    t.rateLimited = rateLimited;
    t.bucketKnown = capacity > 0;
    t.capacity = capacity;
    t.refillPerSecond = 2;
    t.tokens = tokens;
    return t;
}

DlqEntry dlqEntry(const QString& id, const QString& tenantId, const QString& channel, const QString& error)
{
    DlqEntry e;
    e.id = id;
    e.tenantId = tenantId;
    e.channel = channel;
    e.providerMessageId = QStringLiteral("pm-") + id;
    e.attempts = 5;
    e.lastError = error;
    e.failedAt = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    e.raw = QJsonObject{{QStringLiteral("id"), id}};
    return e;
}

} // namespace

class ConsoleModelsTest final : public QObject {
    Q_OBJECT
private slots:
    void statsModelAppendsAndTrimsToTheWindow();
    void statsModelUpdatesChangedSecondsInPlace();
    void statsModelIgnoresAnEmptyMerge();
    void statsModelTimeColumnIsADateTime();
    void throttleModelAddsOneColumnPerTenant();
    void depthModelReplacesASampleOfTheSameSecond();
    void depthHistoryWalksBackThroughTheServersCounters();
    void depthModelFillsOnlyTheSecondsBeforeItsFirstSample();
    void tenantModelInsertsRemovesAndUpdatesRows();
    void bucketModelFlagsATenantWithLessThanOneToken();
    void bucketModelShowsAnUnknownBucketAsFull();
    void dlqModelFiltersByTenantChannelAndText();
    void dlqModelPagesTheFilteredEntries();
    void dlqModelRemovesAnEntryFromAnyPage();
    void historyModelKeepsNewestFirstAndRoundTripsThroughAFile();
    void historyModelRejectsBadFilesAndKeepsItsEntries();
    void replayOutcomeModelTalliesByStatus();
    void burstModelGrowsBySecondAndTotals();
    void statsBodyParsesTheDocumentedShape();
    void statsBodyRejectsOtherShapes();
    void tenantsBodyParsesBuckets();
    void dlqBodyParsesEntriesAndTotal();
    void countBodyNeedsANumber();
    void elidedLabelShrinksAndShowsTheFullTextAsTooltip();
};

void ConsoleModelsTest::statsModelAppendsAndTrimsToTheWindow()
{
    StatsSeriesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWindowSeconds(60);
    model.merge(window(1000, 1059));
    QCOMPARE(model.rowCount(), 60);
    model.merge(window(1010, 1069));
    QCOMPARE(model.rowCount(), 60);
    QCOMPARE(model.data(model.index(0, 0), StatsSeriesModel::EpochSecondRole).toLongLong(), 1010);
    QCOMPARE(model.data(model.index(59, 0), StatsSeriesModel::EpochSecondRole).toLongLong(), 1069);
    model.setWindowSeconds(10);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.data(model.index(0, 0), StatsSeriesModel::EpochSecondRole).toLongLong(), 1060);
}

void ConsoleModelsTest::statsModelUpdatesChangedSecondsInPlace()
{
    StatsSeriesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.merge(window(1000, 1004, 3));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QList<StatsPoint> next = window(1000, 1005, 3);
    next[4] = point(1004, 9);
    model.merge(next);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.data(model.index(4, StatsSeriesModel::AcceptedColumn)).toLongLong(), 9);
    QCOMPARE(model.data(model.index(4, StatsSeriesModel::PersistedColumn)).toLongLong(), 4);
    // A gap in the middle is filled by inserting a row.
    StatsSeriesModel gapped;
    QAbstractItemModelTester gappedTester(&gapped, QAbstractItemModelTester::FailureReportingMode::QtTest);
    gapped.merge({point(1000, 1), point(1002, 1)});
    gapped.merge({point(1000, 1), point(1001, 5), point(1002, 1)});
    QCOMPARE(gapped.rowCount(), 3);
    QCOMPARE(gapped.data(gapped.index(1, StatsSeriesModel::AcceptedColumn)).toLongLong(), 5);
}

void ConsoleModelsTest::statsModelIgnoresAnEmptyMerge()
{
    StatsSeriesModel model;
    model.merge(window(1000, 1002));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.merge({});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(reset.count(), 0);
}

void ConsoleModelsTest::statsModelTimeColumnIsADateTime()
{
    StatsSeriesModel model;
    model.merge(window(1700000000, 1700000000));
    const QVariant time = model.data(model.index(0, StatsSeriesModel::TimeColumn));
    QCOMPARE(time.metaType().id(), QMetaType::QDateTime);
    QCOMPARE(time.toDateTime().toSecsSinceEpoch(), 1700000000);
    QCOMPARE(model.headerData(StatsSeriesModel::DeadLetteredColumn, Qt::Horizontal).toString(), QStringLiteral("Dead-lettered"));
    QVERIFY(!model.data(model.index(0, 0), Qt::DecorationRole).isValid());
}

void ConsoleModelsTest::throttleModelAddsOneColumnPerTenant()
{
    ThrottleSeriesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), 1);
    model.merge({point(1000, 0, {{QStringLiteral("beta"), 2}}), point(1001, 0, {{QStringLiteral("alpha"), 3}})});
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.tenants(), QStringList({QStringLiteral("alpha"), QStringLiteral("beta")}));
    QCOMPARE(model.data(model.index(0, 2)).toLongLong(), 2);
    QCOMPARE(model.data(model.index(0, 1)).toLongLong(), 0);
    model.merge({point(1002, 0, {{QStringLiteral("alpha"), 4}})});
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.totalFor(QStringLiteral("alpha")), 7);
    QCOMPARE(model.totalFor(QStringLiteral("nobody")), 0);
}

void ConsoleModelsTest::depthModelReplacesASampleOfTheSameSecond()
{
    DepthSeriesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWindowSeconds(3);
    model.addSample(100, 5, 1);
    model.addSample(100, 7, 2);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, DepthSeriesModel::QueueDepthColumn)).toLongLong(), 7);
    for (int s = 101; s <= 105; ++s)
        model.addSample(s, s, 0);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(0, 0), DepthSeriesModel::EpochSecondRole).toLongLong(), 103);
}

namespace {

StatsPoint pointAt(qint64 second, qint64 accepted, qint64 persisted, qint64 deadLettered)
{
    StatsPoint point;
    point.epochSecond = second;
    point.values[std::size_t(Figure::Accepted)] = accepted;
    point.values[std::size_t(Figure::Persisted)] = persisted;
    point.values[std::size_t(Figure::DeadLettered)] = deadLettered;
    point.values[std::size_t(Figure::Retried)] = 9; // a retry stays in the queue
    point.values[std::size_t(Figure::Duplicate)] = 9; // a duplicate never joins it
    return point;
}

} // namespace

void ConsoleModelsTest::depthHistoryWalksBackThroughTheServersCounters()
{
    const QList<StatsPoint> series{pointAt(100, 5, 1, 0), pointAt(101, 0, 3, 2), pointAt(102, 4, 1, 1)};
    // Now: 6 queued, 3 dead letters. Second 102 added 4 and took 2 from the
    // queue, so it ended second 101 at 4; second 101 took 5, so 100 ended at 9.
    QCOMPARE(depthHistory(series, 6, 3), (QList<DepthSample>{{100, 9, 0}, {101, 4, 2}, {102, 6, 3}}));
    // DLQ replays are not counted: a history that would go below zero stops at zero.
    QCOMPARE(depthHistory(series, 0, 1), (QList<DepthSample>{{100, 5, 0}, {101, 0, 0}, {102, 0, 1}}));
    QCOMPARE(depthHistory({}, 4, 2), QList<DepthSample>());
}

void ConsoleModelsTest::depthModelFillsOnlyTheSecondsBeforeItsFirstSample()
{
    DepthSeriesModel model;
    QAbstractItemModelTester tester(&model);
    model.setWindowSeconds(4);
    model.addSample(110, 50, 5);
    model.fillHistory({{105, 1, 1}, {106, 2, 2}, {107, 3, 3}, {108, 4, 4}, {109, 5, 5}, {110, 6, 6}});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.data(model.index(0, 0), DepthSeriesModel::EpochSecondRole).toLongLong(), 107);
    QCOMPARE(model.data(model.index(3, DepthSeriesModel::QueueDepthColumn)).toLongLong(), 50); // measured wins
    model.fillHistory({{108, 9, 9}, {109, 9, 9}});
    QCOMPARE(model.data(model.index(1, DepthSeriesModel::QueueDepthColumn)).toLongLong(), 4);
    model.setWindowSeconds(10);
    model.fillHistory({{100, 7, 7}, {101, 8, 8}, {106, 2, 2}, {110, 6, 6}});
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.data(model.index(0, 0), DepthSeriesModel::EpochSecondRole).toLongLong(), 101);
    DepthSeriesModel empty;
    empty.fillHistory({{100, 1, 0}, {101, 2, 0}});
    QCOMPARE(empty.rowCount(), 2);
}

void ConsoleModelsTest::tenantModelInsertsRemovesAndUpdatesRows()
{
    TenantTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.update({tenant(QStringLiteral("c")), tenant(QStringLiteral("a"))}, {{QStringLiteral("a"), 4}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0, TenantTableModel::TenantColumn)).toString(), QStringLiteral("a"));
    QCOMPARE(model.data(model.index(0, TenantTableModel::AcceptedPerSecondColumn)).toLongLong(), 4);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    TenantFigures changedA = tenant(QStringLiteral("a"));
    changedA.accepted = 99;
    model.update({changedA, tenant(QStringLiteral("b"))}, {});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0, TenantTableModel::AcceptedColumn)).toLongLong(), 99);
    QCOMPARE(model.data(model.index(1, 0), TenantRowsModel::TenantIdRole).toString(), QStringLiteral("b"));
    QCOMPARE(model.rowOf(QStringLiteral("c")), -1);
    model.update({}, {});
    QCOMPARE(model.rowCount(), 0);
}

void ConsoleModelsTest::bucketModelFlagsATenantWithLessThanOneToken()
{
    BucketTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.update({tenant(QStringLiteral("calm"), 8, 10), tenant(QStringLiteral("noisy"), 0.4, 10, 37)},
                 {{QStringLiteral("noisy"), 12}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0, 0), BucketTableModel::ThrottledRole).toBool(), false);
    QCOMPARE(model.data(model.index(1, 0), BucketTableModel::ThrottledRole).toBool(), true);
    QCOMPARE(model.data(model.index(1, BucketTableModel::StateColumn)).toString(), QStringLiteral("throttled"));
    QCOMPARE(model.data(model.index(1, BucketTableModel::TokensColumn)).toString(), QStringLiteral("0.4"));
    QCOMPARE(model.data(model.index(1, BucketTableModel::RecentThrottledColumn)).toLongLong(), 12);
    QCOMPARE(model.data(model.index(1, BucketTableModel::TotalThrottledColumn)).toLongLong(), 37);
    QCOMPARE(model.data(model.index(0, BucketTableModel::FillColumn)).toString(), QStringLiteral("80 %"));
    QCOMPARE(model.data(model.index(0, 0), BucketTableModel::FillRatioRole).toDouble(), 0.8);
}

void ConsoleModelsTest::bucketModelShowsAnUnknownBucketAsFull()
{
    BucketTableModel model;
    model.update({tenant(QStringLiteral("fresh"), 0, 0)}, {});
    QCOMPARE(model.isThrottled(0), false);
    QCOMPARE(model.data(model.index(0, BucketTableModel::TokensColumn)).toString(), QStringLiteral("full"));
    QVERIFY(!model.data(model.index(0, BucketTableModel::CapacityColumn)).isValid());
}

void ConsoleModelsTest::dlqModelFiltersByTenantChannelAndText()
{
    DlqTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({dlqEntry(QStringLiteral("1"), QStringLiteral("acme"), QStringLiteral("sms"), QStringLiteral("timeout")),
                      dlqEntry(QStringLiteral("2"), QStringLiteral("acme"), QStringLiteral("chat"), QStringLiteral("simulated failure")),
                      dlqEntry(QStringLiteral("3"), QStringLiteral("globex"), QStringLiteral("sms"), QStringLiteral("Simulated failure"))});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.tenants(), QStringList({QStringLiteral("acme"), QStringLiteral("globex")}));
    model.setFilter(QStringLiteral("acme"), QString(), QString());
    QCOMPARE(model.rowCount(), 2);
    model.setFilter(QString(), QStringLiteral("sms"), QString());
    QCOMPARE(model.filteredIds(), QStringList({QStringLiteral("1"), QStringLiteral("3")}));
    model.setFilter(QString(), QString(), QStringLiteral("SIMULATED"));
    QCOMPARE(model.filteredIds(), QStringList({QStringLiteral("2"), QStringLiteral("3")}));
    model.setFilter(QStringLiteral("globex"), QStringLiteral("chat"), QString());
    QCOMPARE(model.rowCount(), 0);
    model.setFilter(QString(), QString(), QStringLiteral("pm-1"));
    QCOMPARE(model.data(model.index(0, DlqTableModel::IdColumn)).toString(), QStringLiteral("1"));
    QCOMPARE(model.data(model.index(0, DlqTableModel::AttemptsColumn)).toInt(), 5);
    QVERIFY(model.data(model.index(0, 0), DlqTableModel::EntryJsonRole).toString().contains(QStringLiteral("\"id\": \"1\"")));
}

void ConsoleModelsTest::dlqModelPagesTheFilteredEntries()
{
    DlqTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<DlqEntry> entries;
    for (int i = 0; i < 23; ++i)
        entries.append(dlqEntry(QString::number(i), QStringLiteral("t"), QStringLiteral("sms"), QStringLiteral("e")));
    model.setEntries(entries);
    model.setPageSize(10);
    QCOMPARE(model.pageCount(), 3);
    QCOMPARE(model.rowCount(), 10);
    model.setPage(2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entryAt(0).id, QStringLiteral("20"));
    model.setPage(7);
    QCOMPARE(model.page(), 2);
    model.setPage(-1);
    QCOMPARE(model.page(), 0);
    model.setEntries({});
    QCOMPARE(model.pageCount(), 1);
    QCOMPARE(model.rowCount(), 0);
}

void ConsoleModelsTest::dlqModelRemovesAnEntryFromAnyPage()
{
    DlqTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<DlqEntry> entries;
    for (int i = 0; i < 15; ++i)
        entries.append(dlqEntry(QString::number(i), QStringLiteral("t"), QStringLiteral("sms"), QStringLiteral("e")));
    model.setEntries(entries);
    model.setPageSize(10);
    model.removeEntry(QStringLiteral("3"));
    QCOMPARE(model.totalCount(), 14);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.entryAt(3).id, QStringLiteral("4"));
    model.setPage(1);
    model.removeEntry(QStringLiteral("14"));
    QCOMPARE(model.rowCount(), 3);
    model.removeEntry(QStringLiteral("no-such-id"));
    QCOMPARE(model.totalCount(), 13);
}

void ConsoleModelsTest::historyModelKeepsNewestFirstAndRoundTripsThroughAFile()
{
    HistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
    model.prepend({at, QStringLiteral("sms"), QStringLiteral("acme"), QStringLiteral("m1"), "{\"a\":1}", 202, 12,
                   QStringLiteral("Content-Type: application/json"), "{\"status\":\"accepted\"}", QString()});
    model.prepend({at.addSecs(1), QStringLiteral("chat"), QStringLiteral("acme"), QStringLiteral("m2"), "{\"b\":2}", 429, 3,
                   QString(), "{}", QStringLiteral("whatsapp")});
    QCOMPARE(model.data(model.index(0, HistoryModel::MessageIdColumn)).toString(), QStringLiteral("m2"));
    QCOMPARE(model.data(model.index(0, HistoryModel::ChannelColumn)).toString(), QStringLiteral("chat (whatsapp)"));
    QCOMPARE(model.data(model.index(1, HistoryModel::ChannelColumn)).toString(), QStringLiteral("sms"));
    QCOMPARE(model.data(model.index(0, HistoryModel::StatusColumn)).toString(), QStringLiteral("429"));
    QCOMPARE(model.data(model.index(1, 0), HistoryModel::PayloadRole).toByteArray(), QByteArray("{\"a\":1}"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.json"));
    QVERIFY(model.saveToFile(path).has_value());
    HistoryModel loaded;
    QAbstractItemModelTester loadedTester(&loaded, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(loaded.loadFromFile(path).has_value());
    QCOMPARE(loaded.rowCount(), 2);
    QCOMPARE(loaded.entryAt(0), model.entryAt(0));
    QCOMPARE(loaded.entryAt(1), model.entryAt(1));
}

void ConsoleModelsTest::historyModelRejectsBadFilesAndKeepsItsEntries()
{
    HistoryModel model;
    model.prepend({QDateTime::currentDateTimeUtc(), QStringLiteral("sms"), QString(), QString(), "{}", 202, 1, {}, {}, {}});
    QTemporaryDir dir;
    const auto write = [&dir](const QString& name, const QByteArray& content) {
        QFile file(dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(content);
        return file.fileName();
    };
    QVERIFY(!model.loadFromFile(dir.filePath(QStringLiteral("missing.json"))).has_value());
    QCOMPARE(model.loadFromFile(write(QStringLiteral("a"), "not json")).error().left(9), QStringLiteral("not JSON:"));
    QCOMPARE(model.loadFromFile(write(QStringLiteral("b"), "{\"format\":\"other\",\"items\":[]}")).error(),
             QStringLiteral("not a playground history file"));
    QCOMPARE(model.loadFromFile(write(QStringLiteral("c"), "{\"format\":\"mccig-playground-history\",\"items\":[{\"channel\":\"sms\"}]}"))
                 .error(),
             QStringLiteral("entry 1 is incomplete"));
    QCOMPARE(model.rowCount(), 1);
}

void ConsoleModelsTest::replayOutcomeModelTalliesByStatus()
{
    ReplayOutcomeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.record(202, 30);
    model.record(200, 10);
    model.record(200, 50);
    model.record(503, 5);
    model.record(0, 7);
    QCOMPARE(model.count(ReplayOutcomeModel::AcceptedRow), 1);
    QCOMPARE(model.count(ReplayOutcomeModel::DuplicateRow), 2);
    QCOMPARE(model.count(ReplayOutcomeModel::OtherRow), 2);
    QCOMPARE(model.total(), 5);
    QCOMPARE(model.data(model.index(ReplayOutcomeModel::DuplicateRow, ReplayOutcomeModel::FastestColumn)).toString(),
             QStringLiteral("10 ms"));
    QCOMPARE(model.data(model.index(ReplayOutcomeModel::DuplicateRow, ReplayOutcomeModel::SlowestColumn)).toString(),
             QStringLiteral("50 ms"));
    model.reset();
    QCOMPARE(model.total(), 0);
    QVERIFY(!model.data(model.index(0, ReplayOutcomeModel::FastestColumn)).isValid());
}

void ConsoleModelsTest::burstModelGrowsBySecondAndTotals()
{
    BurstSeriesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.record(0, 202);
    model.record(2, 429);
    model.record(2, 429);
    model.record(1, 200);
    model.record(1, 500);
    model.record(-1, 202);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(2, BurstSeriesModel::ThrottledColumn)).toLongLong(), 2);
    QCOMPARE(model.data(model.index(1, BurstSeriesModel::AcceptedColumn)).toLongLong(), 1);
    QCOMPARE(model.total(BurstSeriesModel::AcceptedColumn), 2);
    QCOMPARE(model.total(BurstSeriesModel::ThrottledColumn), 2);
    QCOMPARE(model.total(BurstSeriesModel::OtherColumn), 1);
    model.reset();
    QCOMPARE(model.rowCount(), 0);
}

void ConsoleModelsTest::statsBodyParsesTheDocumentedShape()
{
    const auto parsed = parseStatsBody(R"({"series":[{"t":11,"accepted":3,"duplicate":1,"rateLimited":2,"invalid":0,
        "persisted":3,"retried":1,"deadLettered":1},{"t":10,"accepted":1}],"queueDepth":4,"dlqDepth":2})");
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->series.size(), 2);
    QCOMPARE(parsed->series.at(0).epochSecond, 10);
    QCOMPARE(parsed->series.at(1).value(Figure::RateLimited), 2);
    QCOMPARE(parsed->series.at(1).value(Figure::DeadLettered), 1);
    QCOMPARE(parsed->queueDepth, 4);
    QCOMPARE(parsed->dlqDepth, 2);
}

void ConsoleModelsTest::statsBodyRejectsOtherShapes()
{
    QVERIFY(!parseStatsBody("").has_value());
    QVERIFY(!parseStatsBody("[]").has_value());
    QVERIFY(!parseStatsBody(R"({"items":[]})").has_value());
    QVERIFY(!parseStatsBody(R"({"series":[{"accepted":1}]})").has_value());
}

void ConsoleModelsTest::tenantsBodyParsesBuckets()
{
    const auto parsed = parseTenantsBody(R"({"items":[{"tenantId":"zeta","rateLimit":{"capacity":10,"refillPerSecond":5,
        "tokens":2.5},"accepted":9,"duplicates":1,"rateLimited":4},{"tenantId":"alpha","accepted":1}]})");
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->size(), 2);
    QCOMPARE(parsed->at(0).tenantId, QStringLiteral("alpha"));
    QCOMPARE(parsed->at(0).bucketKnown, false);
    QCOMPARE(parsed->at(1).tokens, 2.5);
    QCOMPARE(parsed->at(1).duplicate, 1);
    QCOMPARE(parsed->at(1).rateLimited, 4);
    QVERIFY(!parseTenantsBody(R"({"items":[{"accepted":1}]})").has_value());
}

void ConsoleModelsTest::dlqBodyParsesEntriesAndTotal()
{
    const auto parsed = parseDlqBody(R"({"items":[{"id":"e1","event":{"tenantId":"acme","channel":"voice",
        "providerMessageId":"CA1"},"attempts":5,"lastError":"simulated failure","failedAt":"2026-11-26T15:34:05.123Z"}],
        "total":7})");
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->total, 7);
    QCOMPARE(parsed->items.at(0).channel, QStringLiteral("voice"));
    QCOMPARE(parsed->items.at(0).failedAt.toMSecsSinceEpoch() % 1000, 123);
    QVERIFY(!parseDlqBody(R"({"items":[{"event":{}}]})").has_value());
    QCOMPARE(errorCodeOf(R"({"error":"not_found"})"), QStringLiteral("not_found"));
    QCOMPARE(errorCodeOf("garbage"), QString());
}

void ConsoleModelsTest::countBodyNeedsANumber()
{
    QCOMPARE(parseCountBody(R"({"count":1})"), std::optional<qint64>(1));
    QVERIFY(!parseCountBody(R"({"count":"1"})").has_value());
    QVERIFY(!parseCountBody("{}").has_value());
}

void ConsoleModelsTest::elidedLabelShrinksAndShowsTheFullTextAsTooltip()
{
    ElidedLabel label;
    const QString text = QStringLiteral("✖ DLQ kann nicht geladen werden: der Admin-Schlüssel wurde abgelehnt (HTTP 401)");
    label.setText(text);
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QVERIFY(label.sizeHint().width() >= label.fontMetrics().horizontalAdvance(text));
    QVERIFY(label.minimumSizeHint().width() < label.sizeHint().width() / 4);
    label.resize(label.sizeHint());
    QVERIFY(!label.isElided());
    QVERIFY(label.toolTip().isEmpty());
    label.resize(label.sizeHint().width() / 2, label.sizeHint().height());
    QVERIFY(label.isElided());
    QCOMPARE(label.toolTip(), text);
    QCOMPARE(label.text(), text);
    QCOMPARE(label.accessibleName(), text);
    label.setText(QStringLiteral("OK"));
    QVERIFY(!label.isElided());
    QVERIFY(label.toolTip().isEmpty());
    QCOMPARE(label.minimumSizeHint().width(), label.sizeHint().width());
}

QTEST_MAIN(ConsoleModelsTest)
#include "tst_console_models.moc"
