#include "payload_generator.h"
#include "traffic_mix.h"

#include "validate_json.h"

#include <QTest>

#include <set>

using mccig::Channel;
using mccig::sim::PayloadGenerator;
using mccig::sim::TrafficMix;

Q_DECLARE_METATYPE(Channel)

class SimPayloadsTest final : public QObject {
    Q_OBJECT

private slots:
    void generatedPayloadsPassTheServersValidation_data();
    void generatedPayloadsPassTheServersValidation();
    void providerMessageIdsAreUniqueAndCarryTheRunId();
    void sameSeedGivesSameBodies();
    void simulatedFailureSetsTheMetadataFlagAndStaysValid();
    void mixParsesWeightsAndNeverPicksAZeroWeight();
    void mixRejectsMalformedText_data();
    void mixRejectsMalformedText();
};

void SimPayloadsTest::generatedPayloadsPassTheServersValidation_data()
{
    QTest::addColumn<Channel>("channel");
    QTest::newRow("sms") << Channel::Sms;
    QTest::newRow("chat") << Channel::Chat;
    QTest::newRow("voice") << Channel::Voice;
}

void SimPayloadsTest::generatedPayloadsPassTheServersValidation()
{
    QFETCH(Channel, channel);
    PayloadGenerator generator("run1", 42);
    for (int i = 0; i < 500; ++i) {
        const auto message = generator.next(channel);
        QCOMPARE(message.channel, channel);
        const auto validated = mccig::test::validateJson(channel, message.body);
        if (!validated)
            QFAIL(qPrintable(QStringLiteral("%1 rejected at %2: %3")
                                 .arg(QString::fromStdString(message.body.dump()),
                                      QString::fromStdString(validated.error().front().path),
                                      QString::fromStdString(validated.error().front().message))));
        QCOMPARE(validated->providerMessageId, message.providerMessageId);
        QVERIFY(message.body.at("metadata").at("run") == "run1");
    }
}

void SimPayloadsTest::providerMessageIdsAreUniqueAndCarryTheRunId()
{
    PayloadGenerator generator("abc123", 7);
    std::set<std::string> ids;
    for (int i = 0; i < 300; ++i) {
        const auto message = generator.next(mccig::kAllChannels[static_cast<std::size_t>(i % 3)]);
        QVERIFY(message.providerMessageId.find("abc123") != std::string::npos);
        ids.insert(message.providerMessageId);
    }
    QCOMPARE(ids.size(), std::size_t{300});
}

void SimPayloadsTest::sameSeedGivesSameBodies()
{
    PayloadGenerator first("r", 99);
    PayloadGenerator second("r", 99);
    for (int i = 0; i < 20; ++i) {
        auto a = first.next(Channel::Chat).body;
        auto b = second.next(Channel::Chat).body;
        a.erase("timestamp"); // the send time, not generated content
        b.erase("timestamp");
        QCOMPARE(a.dump(), b.dump());
    }
}

void SimPayloadsTest::simulatedFailureSetsTheMetadataFlagAndStaysValid()
{
    PayloadGenerator generator("r", 1);
    const auto message = PayloadGenerator::withSimulatedFailure(generator.next(Channel::Voice));
    QVERIFY(message.body.at("metadata").at("simulateFailure") == true);
    QVERIFY(mccig::test::validateJson(Channel::Voice, message.body).has_value());
    QVERIFY(!generator.next(Channel::Voice).body.at("metadata").contains("simulateFailure"));
}

void SimPayloadsTest::mixParsesWeightsAndNeverPicksAZeroWeight()
{
    const auto mix = TrafficMix::parse("sms=3,voice=1");
    QVERIFY(mix.has_value());
    QCOMPARE(mix->weight(Channel::Sms), 3U);
    QCOMPARE(mix->weight(Channel::Chat), 0U);
    QCOMPARE(mix->toString(), std::string("sms=3,chat=0,voice=1"));
    std::mt19937_64 random(5);
    int sms = 0;
    for (int i = 0; i < 1000; ++i) {
        const Channel picked = mix->pick(random);
        QVERIFY(picked != Channel::Chat);
        sms += picked == Channel::Sms ? 1 : 0;
    }
    QVERIFY(sms > 600 && sms < 900); // 3:1 over 1000 draws; far outside chance otherwise
    QCOMPARE(TrafficMix().toString(), std::string("sms=50,chat=35,voice=15"));
}

void SimPayloadsTest::mixRejectsMalformedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("unknown channel") << "fax=10";
    QTest::newRow("no weight") << "sms";
    QTest::newRow("negative") << "sms=-1";
    QTest::newRow("not a number") << "sms=lots";
    QTest::newRow("all zero") << "sms=0,chat=0";
    QTest::newRow("empty") << "";
    QTest::newRow("too big") << "sms=1001";
}

void SimPayloadsTest::mixRejectsMalformedText()
{
    QFETCH(QString, text);
    const auto mix = TrafficMix::parse(text.toStdString());
    QVERIFY(!mix.has_value());
    QCOMPARE(mix.error().kind, mccig::ErrorKind::Rejected);
    QVERIFY(!mix.error().message.empty());
}

QTEST_GUILESS_MAIN(SimPayloadsTest)
#include "sim_payloads_test.moc"
