#include "private_redis_server.h"
#include "test_services.h"

#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_script.h"
#include "mccig/redis/redis_sync_connection.h"
#include "reply_builder.h"

#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sstream>
#include <thread>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

RedisEndpoint testEndpoint()
{
    auto endpoint = parseRedisUrl(test::redisUrlForDatabase(1).toStdString());
    if (!endpoint)
        qFatal("bad test Redis URL: %s", endpoint.error().message.c_str());
    return *endpoint;
}

// Writes down every element a ReplyBuilder is given, one line each:
// "path kind value", the path as dot-separated indices.
class RecordingBuilder final : public ReplyBuilder {
public:
    void array(ReplyPath path, std::size_t elements) override { record(path, "array", std::to_string(elements)); }
    void string(ReplyPath path, std::string_view text) override { record(path, "string", std::string(text)); }
    void integer(ReplyPath path, long long value) override { record(path, "integer", std::to_string(value)); }
    void nil(ReplyPath path) override { record(path, "nil", ""); }

    QStringList lines;

private:
    void record(ReplyPath path, const char* kind, const std::string& value)
    {
        std::ostringstream line;
        for (std::size_t i = 0; i < path.size(); ++i)
            line << (i ? "." : "") << path[i];
        line << ' ' << kind << ' ' << value;
        lines << QString::fromStdString(line.str());
    }
};

// A peer on a loopback port that answers the first command with `reply` and
// then says nothing more, until the client goes away.
class HalfReplyingPeer {
public:
    explicit HalfReplyingPeer(std::string reply) : m_reply(std::move(reply))
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (::bind(m_listener, reinterpret_cast<sockaddr*>(&address), length) != 0 || ::listen(m_listener, 1) != 0
            || ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            qFatal("cannot listen on loopback");
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }

    ~HalfReplyingPeer()
    {
        ::shutdown(m_listener, SHUT_RDWR);
        m_thread.join();
        ::close(m_listener);
    }

    int port() const { return m_port; }

private:
    void serve()
    {
        const int client = ::accept(m_listener, nullptr, nullptr);
        if (client < 0)
            return;
        char buffer[4096];
        bool answered = ::read(client, buffer, sizeof(buffer)) > 0
            && ::write(client, m_reply.data(), m_reply.size()) == static_cast<ssize_t>(m_reply.size());
        while (answered && ::read(client, buffer, sizeof(buffer)) > 0) {
        }
        ::close(client);
    }

    std::string m_reply;
    int m_listener = -1;
    int m_port = 0;
    std::thread m_thread;
};

} // namespace

class RedisSyncConnectionTest final : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        QVERIFY(connection.command({"FLUSHDB"}).has_value());
    }

    void commandsRoundTripBinarySafeValues()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        const std::string binary("a\0b\r\nc", 6);
        const auto set = connection.command({"SET", "key", binary});
        QVERIFY(set.has_value());
        QVERIFY(set->isStatus());
        QCOMPARE(set->text, std::string("OK"));
        const auto get = connection.command({"GET", "key"});
        QVERIFY(get.has_value());
        QVERIFY(get->isString());
        QCOMPARE(get->text, binary);
        const auto missing = connection.command({"GET", "absent"});
        QVERIFY(missing.has_value());
        QVERIFY(missing->isNil());
        const auto pushed = connection.command({"RPUSH", "list", "x", "y"});
        QVERIFY(pushed.has_value());
        QCOMPARE(pushed->integer, 2LL);
        const auto range = connection.command({"LRANGE", "list", "0", "-1"});
        QVERIFY(range.has_value() && range->isArray());
        QCOMPARE(range->elements.size(), size_t(2));
        QCOMPARE(range->elements[1].text, std::string("y"));
    }

    void selectsTheDatabaseOfTheUrl()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        QVERIFY(connection.command({"SET", "marker", "1"}).has_value());
        auto otherEndpoint = testEndpoint();
        otherEndpoint.database = 2;
        RedisSyncConnection other(otherEndpoint, 2s);
        const auto exists = other.command({"EXISTS", "marker"});
        QVERIFY(exists.has_value());
        QCOMPARE(exists->integer, 0LL);
    }

    void errorReplyIsRejectedWithItsText()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        QVERIFY(connection.command({"SET", "text", "abc"}).has_value());
        const auto incremented = connection.command({"INCR", "text"});
        QVERIFY(!incremented.has_value());
        QCOMPARE(incremented.error().kind, ErrorKind::Rejected);
        QVERIFY(incremented.error().message.starts_with("ERR"));
        const auto unknown = connection.command({"NOSUCHCOMMAND"});
        QVERIFY(!unknown.has_value());
        QCOMPARE(unknown.error().kind, ErrorKind::Rejected);
        // The connection survives a refused command.
        QVERIFY(connection.isConnected());
        QVERIFY(connection.command({"PING"}).has_value());
    }

    void emptyCommandIsRefused()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        const auto reply = connection.command({});
        QVERIFY(!reply.has_value());
        QCOMPARE(reply.error().kind, ErrorKind::Internal);
    }

    void pipelineAnswersEveryCommandInOrder()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        QVERIFY(connection.command({"SET", "text", "abc"}).has_value());
        const auto replies = connection.pipeline({{"INCR", "n"}, {"INCR", "text"}, {"INCR", "n"}, {"GET", "n"}});
        QVERIFY(replies.has_value());
        QCOMPARE(replies->size(), size_t(4));
        QCOMPARE((*replies)[0].integer, 1LL);
        QVERIFY((*replies)[1].isError());
        QCOMPARE((*replies)[2].integer, 2LL);
        QCOMPARE((*replies)[3].text, std::string("2"));
    }

    void scriptIsReloadedAfterScriptFlush()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        const RedisScript script("return {KEYS[1], ARGV[1], redis.call('INCR', KEYS[1])}");
        QCOMPARE(script.sha1().size(), size_t(40));
        QVERIFY(connection.command({"SCRIPT", "FLUSH"}).has_value());
        const auto first = script.evaluate(connection, {"counter"}, {"arg"});
        QVERIFY2(first.has_value(), first ? "" : first.error().message.c_str());
        QCOMPARE(first->elements.size(), size_t(3));
        QCOMPARE(first->elements[0].text, std::string("counter"));
        QCOMPARE(first->elements[1].text, std::string("arg"));
        QCOMPARE(first->elements[2].integer, 1LL);
        QVERIFY(connection.command({"SCRIPT", "FLUSH"}).has_value());
        const auto second = script.evaluate(connection, {"counter"}, {"arg"});
        QVERIFY(second.has_value());
        QCOMPARE(second->elements[2].integer, 2LL); // ran exactly once more
        const auto known = connection.command({"SCRIPT", "EXISTS", script.sha1()});
        QCOMPARE(known->elements[0].integer, 1LL);
    }

    void scriptErrorIsRejected()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        const RedisScript script("return redis.call('NOSUCHCOMMAND')");
        const auto reply = script.evaluate(connection, {}, {});
        QVERIFY(!reply.has_value());
        QCOMPARE(reply.error().kind, ErrorKind::Rejected);
    }

    void unreachablePortIsUnavailable()
    {
        RedisSyncConnection connection(RedisEndpoint{"127.0.0.1", 1, "", 0}, 500ms);
        const auto reply = connection.command({"PING"});
        QVERIFY(!reply.has_value());
        QCOMPARE(reply.error().kind, ErrorKind::Unavailable);
        QVERIFY(!connection.isConnected());
        const auto replies = connection.pipeline({{"PING"}});
        QVERIFY(!replies.has_value());
        QCOMPARE(replies.error().kind, ErrorKind::Unavailable);
    }

    void wrongPasswordIsUnavailable()
    {
        auto endpoint = testEndpoint();
        endpoint.password = "not-the-password";
        RedisSyncConnection connection(endpoint, 2s);
        const auto reply = connection.command({"PING"});
        QVERIFY(!reply.has_value());
        QCOMPARE(reply.error().kind, ErrorKind::Unavailable);
        QVERIFY(reply.error().message.starts_with("redis AUTH"));
    }

    void aclUserOfTheUrlIsTheOneAuthenticated()
    {
        // A Redis 6 ACL user that may touch only acl:* keys, with a password
        // that needs percent-encoding in a URL.
        RedisSyncConnection admin(testEndpoint(), 2s);
        QVERIFY(admin.command({"ACL", "SETUSER", "mccig-sync-test", "reset", "on", ">p@ss:w%rd", "~acl:*", "+@all"}));
        const QString url = test::redisUrlForDatabase(1).replace(
            QStringLiteral("redis://"), QStringLiteral("redis://mccig-sync-test:p%40ss%3Aw%25rd@"));
        auto endpoint = parseRedisUrl(url.toStdString());
        QVERIFY(endpoint.has_value());
        RedisSyncConnection connection(*endpoint, 2s);
        QCOMPARE(connection.command({"ACL", "WHOAMI"})->text, std::string("mccig-sync-test"));
        QVERIFY(connection.command({"SET", "acl:allowed", "1"}).has_value());
        const auto refused = connection.command({"SET", "elsewhere", "1"});
        QVERIFY(!refused.has_value());
        QVERIFY2(refused.error().message.find("NOPERM") != std::string::npos, refused.error().message.c_str());

        endpoint->password = "p@ss:wrong";
        RedisSyncConnection wrong(*endpoint, 2s);
        const auto reply = wrong.command({"PING"});
        QVERIFY(!reply.has_value());
        QCOMPARE(reply.error().kind, ErrorKind::Unavailable);
        QVERIFY(admin.command({"ACL", "DELUSER", "mccig-sync-test"}));
    }

    // Pins a fixed bug: after Redis restarted, every pooled connection failed
    // its next call (/readyz and admin routes answered 503 for a while).
    void connectionClosedByRedisIsReopenedForTheNextCommand_data()
    {
        QTest::addColumn<bool>("pipelined");
        QTest::newRow("command") << false;
        QTest::newRow("pipeline") << true;
    }

    void connectionClosedByRedisIsReopenedForTheNextCommand()
    {
        QFETCH(bool, pipelined);
        RedisSyncConnection connection(testEndpoint(), 2s);
        QVERIFY(connection.command({"CLIENT", "SETNAME", "doomed"}).has_value());
        const auto id = connection.command({"CLIENT", "ID"});
        QVERIFY(id.has_value());
        RedisSyncConnection killer(testEndpoint(), 2s);
        const auto killed = killer.command({"CLIENT", "KILL", "ID", std::to_string(id->integer)});
        QVERIFY(killed.has_value());
        QCOMPARE(killed->integer, 1LL);
        std::optional<RedisReply> name;
        if (pipelined) {
            const auto replies = connection.pipeline({{"PING"}, {"CLIENT", "GETNAME"}});
            QVERIFY2(replies.has_value(), replies ? "" : replies.error().message.c_str());
            name = (*replies)[1];
        } else {
            const auto reply = connection.command({"CLIENT", "GETNAME"});
            QVERIFY2(reply.has_value(), reply ? "" : reply.error().message.c_str());
            name = *reply;
        }
        QVERIFY(name->isNil()); // a new connection, without the old name
        QVERIFY(connection.isConnected());
    }

    // Redis killed under an open connection: back again, the next command
    // reaches it at the first try; gone, the command fails as an outage.
    void redisKilledUnderAnOpenConnection_data()
    {
        QTest::addColumn<bool>("restarted");
        QTest::newRow("restarted") << true;
        QTest::newRow("gone") << false;
    }

    void redisKilledUnderAnOpenConnection()
    {
        QFETCH(bool, restarted);
        test::PrivateRedisServer redis;
        QVERIFY(redis.start());
        RedisSyncConnection connection(RedisEndpoint{"127.0.0.1", redis.port(), "", 0}, 2s);
        QVERIFY(connection.command({"PING"}).has_value());
        redis.kill();
        if (restarted)
            QVERIFY(redis.start());
        const auto reply = connection.command({"PING"});
        if (restarted) {
            QVERIFY2(reply.has_value(), reply ? "" : reply.error().message.c_str());
            QCOMPARE(reply->text, std::string("PONG"));
        } else {
            QVERIFY(!reply.has_value());
            QCOMPARE(reply.error().kind, ErrorKind::Unavailable);
            QVERIFY(!connection.isConnected());
        }
    }

    void blockedCommandTimesOut()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        connection.setCommandTimeout(200ms);
        const auto reply = connection.command({"BLPOP", "never-filled", "5"});
        QVERIFY(!reply.has_value());
        QCOMPARE(reply.error().kind, ErrorKind::Timeout);
        QVERIFY(!connection.isConnected());
        QVERIFY(connection.command({"PING"}).has_value());
    }

    void builderSeesEveryElementWhereItSits()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        RecordingBuilder builder;
        QVERIFY(connection.command({"EVAL", "return {7, {'a', false, {'b'}}, 'c'}", "0"}, builder).has_value());
        const QStringList expected{" array 3", "0 integer 7", "1 array 3", "1.0 string a", "1.1 nil ",
                                   "1.2 array 1",  "1.2.0 string b", "2 string c"};
        QCOMPARE(builder.lines, expected);
        // hiredis's own objects are back for the next command.
        QCOMPARE(connection.command({"ECHO", "plain"})->text, std::string("plain"));
    }

    void builderNeverSeesAnErrorReply()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        QVERIFY(connection.command({"SET", "text", "x"}).has_value());
        RecordingBuilder builder;
        const auto refused = connection.command({"LRANGE", "text", "0", "-1"}, builder);
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind, ErrorKind::Rejected);
        QVERIFY(refused.error().message.starts_with("WRONGTYPE"));
        QVERIFY(builder.lines.isEmpty());
        QCOMPARE(connection.command({"GET", "text"})->text, std::string("x"));
    }

    // A reply cut off half-read leaves partly built elements in hiredis's
    // reader; dropping the connection must free them with the builder's
    // functions, not hiredis's (which would free what was never allocated).
    void builderReplyCutOffByTimeoutDropsTheConnection()
    {
        HalfReplyingPeer peer("*3\r\n:1\r\n$1\r\na\r\n");
        RedisEndpoint endpoint;
        endpoint.host = "127.0.0.1";
        endpoint.port = peer.port();
        RedisSyncConnection connection(endpoint, 2s);
        connection.setCommandTimeout(300ms);
        RecordingBuilder builder;
        const auto cut = connection.command({"LRANGE", "long", "0", "-1"}, builder);
        QVERIFY(!cut.has_value());
        QCOMPARE(cut.error().kind, ErrorKind::Timeout);
        QVERIFY(!connection.isConnected());
        const QStringList expected{" array 3", "0 integer 1", "1 string a"};
        QCOMPARE(builder.lines, expected);
    }

    void eventStreamIsCreatedOnceAndKept()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        QVERIFY(ensureEventStream(connection).has_value());
        QVERIFY(ensureEventStream(connection).has_value()); // BUSYGROUP is fine
        const auto groups = connection.command({"XINFO", "GROUPS", std::string(kEventStreamKey)});
        QVERIFY(groups.has_value());
        QCOMPARE(groups->elements.size(), size_t(1));
        const auto& fields = groups->elements[0].elements;
        QCOMPARE(fields[0].text, std::string("name"));
        QCOMPARE(fields[1].text, std::string(kWorkerGroup));
    }

    void refusalsCarryTheCodeTheirPrefixNames()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        QVERIFY(connection.command({"DEL", "codes"}).has_value());
        QVERIFY(connection.command({"XGROUP", "CREATE", "codes", "g", "0", "MKSTREAM"}).has_value());
        const auto exists = connection.command({"XGROUP", "CREATE", "codes", "g", "0"});
        QCOMPARE(exists.error().code, ErrorCode::GroupExists);
        const auto noGroup = connection.command({"XREADGROUP", "GROUP", "other", "c", "STREAMS", "codes", ">"});
        QCOMPARE(noGroup.error().kind, ErrorKind::Rejected);
        QCOMPARE(noGroup.error().code, ErrorCode::NoSuchGroup);
        const auto noScript = connection.command({"EVALSHA", std::string(40, '0'), "0"});
        QCOMPARE(noScript.error().code, ErrorCode::NoScript);
        const auto wrongType = connection.command({"LLEN", "codes"});
        QCOMPARE(wrongType.error().kind, ErrorKind::Rejected);
        QCOMPARE(wrongType.error().code, ErrorCode::Unspecified);
        RecordingBuilder builder;
        const auto builtNoGroup = connection.command({"XREADGROUP", "GROUP", "other", "c", "STREAMS", "codes", ">"},
                                                     builder);
        QCOMPARE(builtNoGroup.error().code, ErrorCode::NoSuchGroup);
    }

    void eventStreamOnAWrongTypeKeyFails()
    {
        RedisSyncConnection connection(testEndpoint(), 2s);
        QVERIFY(connection.command({"SET", std::string(kEventStreamKey), "not a stream"}).has_value());
        const auto created = ensureEventStream(connection);
        QVERIFY(!created.has_value());
        QCOMPARE(created.error().kind, ErrorKind::Rejected);
    }
};

QTEST_GUILESS_MAIN(RedisSyncConnectionTest)
#include "redis_sync_connection_test.moc"
