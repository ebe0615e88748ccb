#include "sim_options.h"
#include "target_url.h"

#include <QTest>

using mccig::sim::CheckKind;
using mccig::sim::parseSimOptions;
using mccig::sim::SimCommand;

namespace {

std::vector<std::string> args(std::initializer_list<const char*> list)
{
    return {list.begin(), list.end()};
}

std::vector<std::string> withBase(std::vector<std::string> extra)
{
    std::vector<std::string> all{"--target", "http://127.0.0.1:8080", "--admin-key", "adm"};
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
}

} // namespace

class SimOptionsTest final : public QObject {
    Q_OBJECT

private slots:
    void oneTenantSelectsEveryCheckButNoisy();
    void twoTenantsAddNoisyWithTheLastTenantAsNoisy();
    void explicitValuesAndEqualsFormAreRead();
    void sendAndVerifyNeedAManifest();
    void verifyNeedsNoTenants();
    void badUsageIsRejectedWithAMessage_data();
    void badUsageIsRejectedWithAMessage();
    void targetUrlsParse();
    void primaryTenantSkipsTheNoisyOne();
    void caFileGoesWithAnHttpsTargetInEitherOrder();
};

void SimOptionsTest::oneTenantSelectsEveryCheckButNoisy()
{
    const auto options = parseSimOptions(withBase({"--tenant", "acme:k1"}));
    QVERIFY(options.has_value());
    QCOMPARE(options->command, SimCommand::Run);
    QCOMPARE(options->checks, (std::set{CheckKind::Persistence, CheckKind::Replay, CheckKind::Failures}));
    QCOMPARE(options->tenants.size(), std::size_t{1});
    QCOMPARE(options->tenants[0].tenant, std::string("acme"));
    QCOMPARE(options->tenants[0].key, std::string("k1"));
    QCOMPARE(options->rate, 50.0);
    QCOMPARE(options->target.port, 8080);
}

void SimOptionsTest::twoTenantsAddNoisyWithTheLastTenantAsNoisy()
{
    const auto options = parseSimOptions(withBase({"--tenant", "a:ka", "--tenant", "b:kb:with-colon"}));
    QVERIFY(options.has_value());
    QVERIFY(options->checks.contains(CheckKind::Noisy));
    QCOMPARE(options->checks.size(), std::size_t{4});
    QCOMPARE(options->noisyTenant, std::string("b"));
    QCOMPARE(options->tenants[1].key, std::string("kb:with-colon"));
}

void SimOptionsTest::explicitValuesAndEqualsFormAreRead()
{
    const auto options = parseSimOptions(withBase({"--tenant", "a:ka", "--tenant", "n:kn", "--noisy-tenant=a",
                                                   "--rate=12.5", "--duration", "3", "--checks", "replay,noisy",
                                                   "--mix", "chat=1", "--expect-attempts", "2", "--json",
                                                   "--seed", "17", "--concurrency", "3"}));
    QVERIFY2(options.has_value(), options ? "" : options.error().message.c_str());
    QCOMPARE(options->noisyTenant, std::string("a"));
    QCOMPARE(options->rate, 12.5);
    QCOMPARE(options->durationSeconds, 3.0);
    QCOMPARE(options->checks, (std::set{CheckKind::Replay, CheckKind::Noisy}));
    QCOMPARE(options->mix.weight(mccig::Channel::Sms), 0U);
    QCOMPARE(options->expectAttempts, std::optional<int>(2));
    QCOMPARE(options->seed, std::optional<std::uint64_t>(17));
    QCOMPARE(options->concurrency, 3);
    QVERIFY(options->json);
}

void SimOptionsTest::sendAndVerifyNeedAManifest()
{
    auto send = args({"send", "--target", "http://h:1", "--admin-key", "k", "--tenant", "a:b"});
    QVERIFY(!parseSimOptions(send).has_value());
    send.push_back("--manifest");
    send.push_back("/tmp/m.json");
    const auto options = parseSimOptions(send);
    QVERIFY(options.has_value());
    QCOMPARE(options->command, SimCommand::Send);
    QCOMPARE(options->manifestPath, std::string("/tmp/m.json"));
}

void SimOptionsTest::verifyNeedsNoTenants()
{
    const auto options = parseSimOptions(args({"verify", "--target", "http://h:1", "--admin-key", "k", "--manifest", "m"}));
    QVERIFY(options.has_value());
    QCOMPARE(options->command, SimCommand::Verify);
    QVERIFY(options->checks.empty()); // the manifest decides
}

void SimOptionsTest::badUsageIsRejectedWithAMessage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("messagePart");
    const QStringList base{"--target", "http://127.0.0.1:8080", "--admin-key", "adm"};
    QTest::newRow("no tenant") << base << "--tenant";
    QTest::newRow("no target") << QStringList{"--admin-key", "k", "--tenant", "a:b"} << "--target";
    QTest::newRow("no admin key") << QStringList{"--target", "http://h:1", "--tenant", "a:b"} << "--admin-key";
    QTest::newRow("tenant without key") << base + QStringList{"--tenant", "a"} << "tenant:key";
    QTest::newRow("invalid tenant id") << base + QStringList{"--tenant", "Acme:k"} << "not a valid tenant id";
    QTest::newRow("tenant twice") << base + QStringList{"--tenant", "a:1", "--tenant", "a:2"} << "twice";
    QTest::newRow("unknown noisy tenant") << base + QStringList{"--tenant", "a:1", "--noisy-tenant", "z"} << "not one of";
    QTest::newRow("noisy with one tenant") << base + QStringList{"--tenant", "a:1", "--checks", "noisy"} << "two tenants";
    QTest::newRow("unknown check") << base + QStringList{"--tenant", "a:1", "--checks", "speed"} << "unknown check";
    QTest::newRow("rate zero") << base + QStringList{"--tenant", "a:1", "--rate", "0"} << "--rate";
    QTest::newRow("rate text") << base + QStringList{"--tenant", "a:1", "--rate", "fast"} << "--rate";
    QTest::newRow("copies one") << base + QStringList{"--tenant", "a:1", "--replay-copies", "1"} << "--replay-copies";
    QTest::newRow("missing value") << base + QStringList{"--tenant"} << "needs a value";
    QTest::newRow("unknown flag") << base + QStringList{"--tenant", "a:1", "--fast"} << "unknown option";
    QTest::newRow("unknown command") << QStringList{"launch"} << "unknown command";
    QTest::newRow("ftp target") << QStringList{"--target", "ftp://h", "--admin-key", "k", "--tenant", "a:1"} << "https://";
    QTest::newRow("ca file for http") << base + QStringList{"--tenant", "a:1", "--ca-file", "/dev/null"} << "--ca-file needs an https://";
    QTest::newRow("unreadable ca file") << QStringList{"--target", "https://h", "--admin-key", "k", "--tenant", "a:1", "--ca-file", "/nonexistent/ca.crt"} << "cannot read";
    QTest::newRow("bad port") << QStringList{"--target", "http://h:99999", "--admin-key", "k", "--tenant", "a:1"} << "port";
}

void SimOptionsTest::badUsageIsRejectedWithAMessage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, messagePart);
    std::vector<std::string> list;
    for (const auto& argument : arguments)
        list.push_back(argument.toStdString());
    const auto options = parseSimOptions(list);
    QVERIFY(!options.has_value());
    QCOMPARE(options.error().kind, mccig::ErrorKind::Rejected);
    QVERIFY2(QString::fromStdString(options.error().message).contains(messagePart),
             options.error().message.c_str());
}

void SimOptionsTest::targetUrlsParse()
{
    const auto plain = mccig::sim::parseTargetUrl("http://127.0.0.1:9090/");
    QVERIFY(plain.has_value());
    QCOMPARE(plain->host, std::string("127.0.0.1"));
    QCOMPARE(plain->port, 9090);
    QCOMPARE(plain->authority(), std::string("127.0.0.1:9090"));
    const auto noPort = mccig::sim::parseTargetUrl("http://localhost");
    QVERIFY(noPort.has_value());
    QCOMPARE(noPort->port, 80);
    QVERIFY(!plain->https);
    const auto secure = mccig::sim::parseTargetUrl("https://gateway.example");
    QVERIFY(secure.has_value());
    QVERIFY(secure->https);
    QCOMPARE(secure->port, 443);
    QCOMPARE(secure->text(), std::string("https://gateway.example:443"));
    QVERIFY(!mccig::sim::parseTargetUrl("https://h:1/v1").has_value());
    QVERIFY(!mccig::sim::parseTargetUrl("http://h:1/v1").has_value());
    QVERIFY(!mccig::sim::parseTargetUrl("http://:80").has_value());
}

void SimOptionsTest::primaryTenantSkipsTheNoisyOne()
{
    const auto options = parseSimOptions(withBase({"--tenant", "n:1", "--tenant", "a:2", "--noisy-tenant", "n"}));
    QVERIFY(options.has_value());
    QCOMPARE(options->primaryTenant().tenant, std::string("a"));
}

void SimOptionsTest::caFileGoesWithAnHttpsTargetInEitherOrder()
{
    for (const auto& order : {std::vector<std::string>{"--ca-file", "/dev/null", "--target", "https://h:8443"},
                              std::vector<std::string>{"--target", "https://h:8443", "--ca-file", "/dev/null"}}) {
        auto arguments = order;
        arguments.insert(arguments.end(), {"--admin-key", "k", "--tenant", "a:1"});
        const auto options = parseSimOptions(arguments);
        QVERIFY2(options.has_value(), options ? "" : options.error().message.c_str());
        QVERIFY(options->target.https);
        QCOMPARE(options->target.port, 8443);
        QCOMPARE(options->target.caFile, std::string("/dev/null"));
    }
}

QTEST_GUILESS_MAIN(SimOptionsTest)
#include "sim_options_test.moc"
