#include "io_wait.h"
#include "test_services.h"

#include "mccig/redis/redis_async_connection.h"
#include "mccig/redis/redis_sync_connection.h"

#include <QtTest>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

RedisEndpoint testEndpoint()
{
    auto endpoint = parseRedisUrl(test::redisUrlForDatabase(3).toStdString());
    if (!endpoint)
        qFatal("bad test Redis URL: %s", endpoint.error().message.c_str());
    return *endpoint;
}

} // namespace

class RedisAsyncConnectionTest final : public QObject {
    Q_OBJECT

private:
    boost::asio::io_context m_io;
    RedisSyncConnection m_redis{testEndpoint(), 2s};

    Result<RedisReply> run(RedisAsyncConnection& connection, const std::vector<std::string>& args)
    {
        std::optional<Result<RedisReply>> result;
        connection.command(args, [&](Result<RedisReply> reply) { result = std::move(reply); });
        if (!test::runUntilSet(m_io, result))
            return failure(ErrorKind::Internal, "no callback");
        return *result;
    }

private slots:
    void init() { QVERIFY(m_redis.command({"FLUSHDB"}).has_value()); }

    void pipelinedCommandsAnswerInOrder()
    {
        auto connection = RedisAsyncConnection::create(m_io, testEndpoint(), 2s);
        std::vector<long long> values;
        for (int i = 0; i < 2000; ++i) {
            connection->command(std::vector<std::string>{"INCR", "counter"}, [&](Result<RedisReply> reply) {
                values.push_back(reply ? reply->integer : -1);
            });
        }
        QVERIFY(values.empty()); // nothing answers inside the call
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        m_io.restart();
        while (values.size() < 2000 && std::chrono::steady_clock::now() < deadline)
            m_io.run_one_for(10ms);
        QCOMPARE(values.size(), size_t(2000));
        for (size_t i = 0; i < values.size(); ++i)
            QCOMPARE(values[i], static_cast<long long>(i + 1));
        QVERIFY(connection->isConnected());
    }

    void selectsTheDatabaseAndKeepsValuesBinarySafe()
    {
        auto connection = RedisAsyncConnection::create(m_io, testEndpoint(), 2s);
        const std::string binary("x\0y\r\n*3\r\n", 9);
        QCOMPARE(run(*connection, {"SET", "binary", binary})->text, std::string("OK"));
        QCOMPARE(m_redis.command({"GET", "binary"})->text, binary);
        QVERIFY(run(*connection, {"GET", "absent"})->isNil());
    }

    void largeRepliesAreReadCompletely()
    {
        auto connection = RedisAsyncConnection::create(m_io, testEndpoint(), 2s);
        const std::string big(3 * 1024 * 1024, 'z');
        QVERIFY(m_redis.command({"SET", "big", big}).has_value());
        std::vector<size_t> sizes;
        for (int i = 0; i < 3; ++i)
            connection->command(std::vector<std::string>{"GET", "big"},
                                [&](Result<RedisReply> reply) { sizes.push_back(reply ? reply->text.size() : 0); });
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        m_io.restart();
        while (sizes.size() < 3 && std::chrono::steady_clock::now() < deadline)
            m_io.run_one_for(10ms);
        QCOMPARE(sizes, std::vector<size_t>(3, big.size()));
    }

    void errorReplyIsRejectedAndConnectionStays()
    {
        auto connection = RedisAsyncConnection::create(m_io, testEndpoint(), 2s);
        QVERIFY(run(*connection, {"SET", "text", "abc"}).has_value());
        const auto reply = run(*connection, {"INCR", "text"});
        QVERIFY(!reply.has_value());
        QCOMPARE(reply.error().kind, ErrorKind::Rejected);
        QVERIFY(reply.error().message.starts_with("ERR"));
        QVERIFY(run(*connection, {"PING"}).has_value());
    }

    void emptyCommandIsRefused()
    {
        auto connection = RedisAsyncConnection::create(m_io, testEndpoint(), 2s);
        const auto reply = run(*connection, {});
        QVERIFY(!reply.has_value());
        QCOMPARE(reply.error().kind, ErrorKind::Internal);
    }

    void scriptRunsOnceMoreAfterScriptFlush()
    {
        auto connection = RedisAsyncConnection::create(m_io, testEndpoint(), 2s);
        const RedisScript script("return redis.call('INCR', KEYS[1])");
        const std::array<std::string_view, 1> keys{"runs"};
        const auto evaluate = [&] {
            std::optional<Result<RedisReply>> result;
            connection->evaluate(script, keys, {}, [&](Result<RedisReply> reply) { result = std::move(reply); });
            test::runUntilSet(m_io, result);
            return result.value_or(failure(ErrorKind::Internal, "no callback"));
        };
        QVERIFY(m_redis.command({"SCRIPT", "FLUSH"}).has_value());
        QCOMPARE(evaluate()->integer, 1LL);
        QVERIFY(m_redis.command({"SCRIPT", "FLUSH"}).has_value());
        QCOMPARE(evaluate()->integer, 2LL);
        QCOMPARE(evaluate()->integer, 3LL);
    }

    void scriptErrorIsRejected()
    {
        auto connection = RedisAsyncConnection::create(m_io, testEndpoint(), 2s);
        const RedisScript script("return redis.call('NOSUCHCOMMAND')");
        std::optional<Result<RedisReply>> result;
        connection->evaluate(script, {}, {}, [&](Result<RedisReply> reply) { result = std::move(reply); });
        QVERIFY(test::runUntilSet(m_io, result));
        QVERIFY(!result->has_value());
        QCOMPARE(result->error().kind, ErrorKind::Rejected);
    }

    void unansweredCommandTimesOutOnceThenReconnects()
    {
        auto connection = RedisAsyncConnection::create(m_io, testEndpoint(), 300ms);
        QVERIFY(run(*connection, {"PING"}).has_value());
        int answers = 0;
        std::optional<Result<RedisReply>> blocked;
        connection->command(std::vector<std::string>{"BLPOP", "never-filled", "2"}, [&](Result<RedisReply> reply) {
            ++answers;
            blocked = std::move(reply);
        });
        QVERIFY(test::runUntilSet(m_io, blocked));
        QVERIFY(!blocked->has_value());
        QCOMPARE(blocked->error().kind, ErrorKind::Timeout);
        test::runFor(m_io, 2500ms); // past the moment BLPOP itself would have answered
        QCOMPARE(answers, 1);
        QVERIFY(run(*connection, {"PING"}).has_value());
    }

    void unreachableRedisFailsAndKeepsFailingFast()
    {
        auto connection = RedisAsyncConnection::create(m_io, RedisEndpoint{"127.0.0.1", 1, "", 0}, 2s);
        const auto first = run(*connection, {"PING"});
        QVERIFY(!first.has_value());
        QCOMPARE(first.error().kind, ErrorKind::Unavailable);
        const auto second = run(*connection, {"PING"});
        QVERIFY(!second.has_value());
        QCOMPARE(second.error().kind, ErrorKind::Unavailable);
        QVERIFY(!connection->isConnected());
    }

    void refusedAuthIsUnavailable()
    {
        auto endpoint = testEndpoint();
        endpoint.password = "not-the-password"; // the test Redis has none
        auto connection = RedisAsyncConnection::create(m_io, endpoint, 2s);
        const auto reply = run(*connection, {"SET", "written", "1"});
        QVERIFY(!reply.has_value());
        QCOMPARE(reply.error().kind, ErrorKind::Unavailable);
        QVERIFY(reply.error().message.starts_with("redis AUTH"));
    }

    void aclUserOfTheUrlIsTheOneAuthenticated()
    {
        QVERIFY(m_redis.command({"ACL", "SETUSER", "mccig-async-test", "reset", "on", ">s3cr%t/x", "~*", "+@all"}));
        const QString url = test::redisUrlForDatabase(3).replace(
            QStringLiteral("redis://"), QStringLiteral("redis://mccig-async-test:s3cr%25t%2Fx@"));
        const auto endpoint = parseRedisUrl(url.toStdString());
        QVERIFY(endpoint.has_value());
        auto connection = RedisAsyncConnection::create(m_io, *endpoint, 2s);
        QCOMPARE(run(*connection, {"ACL", "WHOAMI"})->text, std::string("mccig-async-test"));
        QCOMPARE(run(*connection, {"SET", "written", "1"})->text, std::string("OK"));
        QCOMPARE(m_redis.command({"GET", "written"})->text, std::string("1")); // and SELECT 3 came after AUTH
        QVERIFY(m_redis.command({"ACL", "DELUSER", "mccig-async-test"}));
    }

    void destroyedConnectionCallsNoCallback()
    {
        int answered = 0;
        {
            auto connection = RedisAsyncConnection::create(m_io, testEndpoint(), 2s);
            QVERIFY(run(*connection, {"PING"}).has_value());
            for (int i = 0; i < 10; ++i)
                connection->command(std::vector<std::string>{"PING"}, [&](Result<RedisReply>) { ++answered; });
        }
        test::runFor(m_io, 200ms);
        QCOMPARE(answered, 0);
    }
};

QTEST_GUILESS_MAIN(RedisAsyncConnectionTest)
#include "redis_async_connection_test.moc"
