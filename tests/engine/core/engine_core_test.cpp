#include "mccig/core/json_string.h"
#include "mccig/core/secret_digest.h"
#include "mccig/core/time_format.h"
#include "mccig/core/user_data_folder.h"
#include "mccig/core/uuid.h"
#include "mccig/domain/conversation_event.h"
#include "mccig/domain/rate_limit_policy.h"
#include "mccig/domain/tenant_id.h"
#include "mccig/redis/redis_url.h"

#include <QTest>

#include <set>

using namespace std::chrono;

class EngineCoreTest final : public QObject {
    Q_OBJECT

private slots:
    void uuidV7HasVersionVariantAndTimePrefix()
    {
        const auto at = sys_days{year{2026} / 11 / 26} + hours{15};
        const std::string id = mccig::newUuidV7(at);
        QVERIFY(mccig::isUuid(id));
        QCOMPARE(id[14], '7');
        QVERIFY(std::string("89ab").find(id[19]) != std::string::npos);
        const auto millis = duration_cast<milliseconds>(at.time_since_epoch()).count();
        char prefix[13];
        std::snprintf(prefix, sizeof prefix, "%012llx", static_cast<unsigned long long>(millis));
        QCOMPARE(id.substr(0, 8) + id.substr(9, 4), std::string(prefix));
    }

    void uuidsAreUniqueAndOrderedByTime()
    {
        std::set<std::string> ids;
        for (int i = 0; i < 10000; ++i)
            ids.insert(mccig::newUuidV7());
        QCOMPARE(ids.size(), std::size_t{10000});
        const auto earlier = mccig::newUuidV7(system_clock::now() - seconds{1});
        QVERIFY(earlier < mccig::newUuidV7());
    }

    void isUuidRejectsMalformedText()
    {
        QVERIFY(!mccig::isUuid("not-a-uuid"));
        QVERIFY(!mccig::isUuid("0192b3c4-1d2e-7f00-8000-00000000000g"));
        QVERIFY(!mccig::isUuid("0192b3c41d2e-7f00-8000-0000000000000"));
        QVERIFY(mccig::isUuid("0192B3C4-1D2E-7F00-8000-000000000000"));
        QVERIFY(!mccig::isUuid("0192b3c4-1d2e-7f00-8000-00000000000"));
        QVERIFY(!mccig::isUuid("0192b3c4-1d2e-7f00-8000-0000000000000"));
        QVERIFY(!mccig::isUuid("0192b3c4+1d2e-7f00-8000-000000000000"));
        QVERIFY(!mccig::isUuid("0192b3c4-1d2e-7f00-8000-00000000000 "));
    }

    void uuidBytesAndTextRoundTrip()
    {
        const auto bytes = mccig::uuidBytes("0192B3C4-1d2e-7f00-80ab-cdef01234567");
        QVERIFY(bytes);
        QCOMPARE(int((*bytes)[0]), 0x01);
        QCOMPARE(int((*bytes)[3]), 0xc4);
        QCOMPARE(int((*bytes)[8]), 0x80);
        QCOMPARE(int((*bytes)[15]), 0x67);
        QCOMPARE(mccig::uuidText(*bytes), std::string("0192b3c4-1d2e-7f00-80ab-cdef01234567"));
        QVERIFY(!mccig::uuidBytes("0192b3c4-1d2e-7f00-80ab-cdef0123456x"));
        QVERIFY(!mccig::uuidBytes("0192b3c4-1d2e-7f00-80ab-cdef012345"));
        const std::string generated = mccig::newUuidV7();
        QCOMPARE(mccig::uuidText(*mccig::uuidBytes(generated)), generated);
    }

    void formatsUtcWithMicroseconds()
    {
        const auto at = sys_days{year{2026} / 1 / 2} + hours{3} + minutes{4} + seconds{5} + microseconds{600007};
        QCOMPARE(mccig::formatUtc(time_point_cast<system_clock::duration>(at)),
                 std::string("2026-01-02T03:04:05.600007Z"));
        const auto lastMicrosecond = sys_days{year{1999} / 12 / 31} + hours{23} + minutes{59} + seconds{59}
                                     + microseconds{999999};
        QCOMPARE(mccig::formatUtc(time_point_cast<system_clock::duration>(lastMicrosecond)),
                 std::string("1999-12-31T23:59:59.999999Z"));
    }

    void parsesRfc3339WithOffsets()
    {
        const auto utc = mccig::parseRfc3339("2026-11-26T10:00:00Z");
        const auto plusOne = mccig::parseRfc3339("2026-11-26T11:00:00+01:00");
        const auto fraction = mccig::parseRfc3339("2026-11-26T10:00:00.5-00:30");
        QVERIFY(utc && plusOne && fraction);
        QCOMPARE(*utc, *plusOne);
        QCOMPARE(*fraction - *utc, duration_cast<system_clock::duration>(minutes{30} + milliseconds{500}));
        QCOMPARE(mccig::parseRfc3339(mccig::formatUtc(*fraction)), fraction);
    }

    void rejectsMalformedRfc3339_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* text : {"", "2026-11-26", "2026-11-26 10:00:00Z", "2026-13-01T00:00:00Z",
                                 "2026-02-29T00:00:00Z", "2026-11-26T24:00:00Z", "2026-11-26T10:00:00+1:00",
                                 "2026-11-26T10:00:00.Z", "2026-11-26T10:00:00Zjunk", "yyyy-11-26T10:00:00Z"})
            QTest::newRow(text) << QString::fromLatin1(text);
    }

    void rejectsMalformedRfc3339()
    {
        QFETCH(QString, text);
        QVERIFY(!mccig::parseRfc3339(text.toStdString()));
    }

    void tenantIdFollowsThePattern()
    {
        QVERIFY(mccig::isValidTenantId("acme"));
        QVERIFY(mccig::isValidTenantId("0_a-b"));
        QVERIFY(mccig::isValidTenantId(std::string(64, 'x')));
        QVERIFY(!mccig::isValidTenantId(std::string(65, 'x')));
        QVERIFY(!mccig::isValidTenantId(""));
        QVERIFY(!mccig::isValidTenantId("_acme"));
        QVERIFY(!mccig::isValidTenantId("Acme"));
        QVERIFY(!mccig::isValidTenantId("ac:me"));
    }

    void parsesRateLimitPolicies()
    {
        QCOMPARE(mccig::parseRateLimitPolicy("100:50"), std::optional(mccig::RateLimitPolicy{100, 50}));
        QCOMPARE(mccig::parseRateLimitPolicy("5:0.5"), std::optional(mccig::RateLimitPolicy{5, 0.5}));
        QCOMPARE(mccig::parseRateLimitPolicy("1000000000:0.000001"), std::optional(mccig::RateLimitPolicy{1e9, 1e-6}));
        QCOMPARE(mccig::parseRateLimitPolicy("1:1e9"), std::optional(mccig::RateLimitPolicy{1, 1e9}));
        for (const char* bad : {"", "100", "100:", ":50", "0:5", "10:0", "-1:5", "a:b", "10:5:1", "0.5:1", "1e300:1e-300",
                                "1000000001:1", "10:0.0000009", "10:1000000001", "inf:1", "10:nan"})
            QVERIFY2(!mccig::parseRateLimitPolicy(bad), bad);
    }

    void parsesRedisUrls()
    {
        const auto full = mccig::parseRedisUrl("redis://:s3cret@cache.internal:6390/4");
        QVERIFY(full);
        QCOMPARE(full->host, std::string("cache.internal"));
        QCOMPARE(full->port, 6390);
        QCOMPARE(full->password, std::string("s3cret"));
        QCOMPARE(full->database, 4);
        const auto bare = mccig::parseRedisUrl("redis://localhost");
        QVERIFY(bare);
        QCOMPARE(bare->port, 6379);
        QCOMPARE(bare->database, 0);
        for (const char* bad : {"http://x:1", "redis://", "redis://h:0", "redis://h:70000", "redis://h:p", "redis://h:1/x",
                                "redis://u:p%4@h", "redis://u:p%GG@h", "redis://user:@h", "rediss://h:6380"})
            QVERIFY2(!mccig::parseRedisUrl(bad), bad);
    }

    void parsesRedisAclUsersAndPercentEscapes()
    {
        const auto acl = mccig::parseRedisUrl("redis://ingest:s%40cr%3At%2F%25@10.0.0.5:6380/2");
        QVERIFY(acl);
        QCOMPARE(acl->user, std::string("ingest"));
        QCOMPARE(acl->password, std::string("s@cr:t/%"));
        QCOMPARE(acl->host, std::string("10.0.0.5"));
        QCOMPARE(acl->port, 6380);
        QCOMPARE(acl->database, 2);
        // The password alone, old style, and an unencoded '@' in it still parse.
        const auto legacy = mccig::parseRedisUrl("redis://pa@ss@cache");
        QVERIFY(legacy);
        QCOMPARE(legacy->user, std::string());
        QCOMPARE(legacy->password, std::string("pa@ss"));
        const auto defaultUser = mccig::parseRedisUrl("redis://:only%20pw@cache");
        QVERIFY(defaultUser);
        QCOMPARE(defaultUser->user, std::string());
        QCOMPARE(defaultUser->password, std::string("only pw"));
        const auto tls = mccig::parseRedisUrl("rediss://cache:6380");
        QVERIFY(!tls);
        QVERIFY(tls.error().message.find("stunnel") != std::string::npos);
    }

    void eventJsonRoundTrips()
    {
        mccig::ConversationEvent event;
        event.id = mccig::newUuidV7();
        event.tenantId = "acme";
        event.providerMessageId = "SM1";
        event.channel = mccig::Channel::Voice;
        event.content = "[voice call busy 0s]";
        event.rawMetadata = {{"from", "+14155550123"}, {"metadata", {{"k", 1}}}};
        event.createdAt = time_point_cast<system_clock::duration>(time_point_cast<microseconds>(system_clock::now()));
        const auto back = mccig::eventFromJson(mccig::toJson(event));
        QVERIFY(back);
        QCOMPARE(back->id, event.id);
        QCOMPARE(back->channel, event.channel);
        QCOMPARE(back->content, event.content);
        QCOMPARE(QString::fromStdString((back->rawMetadata).dump()), QString::fromStdString(nlohmann::json(event.rawMetadata).dump()));
        QCOMPARE(back->createdAt, event.createdAt);
        QCOMPARE(QString::fromStdString((mccig::toJson(event)["channel"]).dump()), QString::fromStdString(nlohmann::json("voice").dump()));
    }

    void eventJsonTextEqualsTheDumpedTree()
    {
        mccig::ConversationEvent event;
        event.id = mccig::newUuidV7();
        event.tenantId = "acme";
        event.providerMessageId = "a:b.c_d-e";
        event.channel = mccig::Channel::Chat;
        for (int c = 1; c < 0x20; ++c)
            event.content.push_back(static_cast<char>(c));
        event.content += "\"quoted\" back\\slash \xC3\xA9 \xF0\x9F\x98\x80 \x7F";
        event.rawMetadata = {{"sender", {{"id", "u\n1"}, {"role", "customer"}}}, {"metadata", {{"n", 1.5}}}};
        event.createdAt = std::chrono::system_clock::now();
        QCOMPARE(QString::fromStdString(mccig::toJsonText(event)), QString::fromStdString(mccig::toJson(event).dump()));
    }

    void jsonStringIsWrittenAsDumpWritesIt_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("plain") << QByteArray("Hello, your order 1234 has shipped.");
        QTest::newRow("escapes") << QByteArray("\"q\" back\\slash\b\f\n\r\t\x01\x1f/\x7f", 23);
        QTest::newRow("nul") << QByteArray("a\0b", 3);
        QTest::newRow("long plain runs between escapes")
            << QByteArray("0123456789abcdef\"0123456\n89abcdef0123456789\\x\x01yz 0123456789\xC3\xA9");
        QTest::newRow("utf-8") << QByteArray("\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x82\xAC");
        QTest::newRow("lone lead byte") << QByteArray("a\xC3 b");
        QTest::newRow("stray continuation") << QByteArray("\x80\xBFx");
        QTest::newRow("cut short at the end") << QByteArray("x\xF0\x9F\x98");
        QTest::newRow("overlong") << QByteArray("\xC0\x80\xE0\x80\xAF");
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80 \"");
        QTest::newRow("beyond U+10FFFF") << QByteArray("\xF4\x90\x80\x80\xFF");
    }

    // Text written field by field (webhook bodies, events) must read as the tree's dump does.
    void jsonStringIsWrittenAsDumpWritesIt()
    {
        QFETCH(QByteArray, text);
        const std::string value(text.constData(), static_cast<std::size_t>(text.size()));
        std::string written = "prefix";
        mccig::appendJsonString(written, value);
        const auto dumped =
            nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        QCOMPARE(QString::fromStdString(written), QString::fromStdString("prefix" + dumped));
    }

    void jsonTreeIsWrittenAsDumpWritesIt_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("empty array") << QByteArray("[]");
        QTest::newRow("scalars") << QByteArray("[null,true,false,0,-1,42,\"x\"]");
        QTest::newRow("64-bit edges")
            << QByteArray("[-9223372036854775808,9223372036854775807,18446744073709551615]");
        QTest::newRow("floats") << QByteArray("[1.0,-0.0,0.1,1e300,2.5e-8,3.141592653589793]");
        QTest::newRow("escapes")
            << QByteArray("{\"a\\\"b\":\"line\\nbreak\\t\\u0001\\\\\",\"\\u00e9\":\"\\ud83d\\ude00\"}");
        QTest::newRow("nested, keys out of order")
            << QByteArray("{\"z\":{\"b\":[1,{\"y\":2,\"x\":[]}],\"a\":{}},\"m\":[[[]]],\"a\":\"first\"}");
    }

    // Events' metadata and every JSON answer are written without nlohmann's
    // serializer: the text must be the one it would write, byte for byte.
    void jsonTreeIsWrittenAsDumpWritesIt()
    {
        QFETCH(QByteArray, json);
        const auto value = nlohmann::json::parse(json.toStdString());
        const auto dumped = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        QCOMPARE(QString::fromStdString(mccig::jsonText(value)), QString::fromStdString(dumped));
    }

    void jsonTreeWithMalformedUtf8IsWrittenAsDumpWritesIt()
    {
        const nlohmann::json value{{"key\xC3", "a\xF0\x9F\x98"}, {"list", {"ok", "\xFF"}}};
        const auto dumped = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        QCOMPARE(mccig::jsonText(value), dumped);
    }

    void malformedEventJsonIsAnError()
    {
        nlohmann::json json = {{"id", "x"}, {"tenantId", "a"}};
        const auto result = mccig::eventFromJson(json);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, mccig::ErrorKind::Rejected);
    }

    void secretDigestsCompareByValue()
    {
        const auto a = mccig::digestSecret("key-a");
        QVERIFY(mccig::constantTimeEquals(a, mccig::digestSecret("key-a")));
        QVERIFY(!mccig::constantTimeEquals(a, mccig::digestSecret("key-b")));
        for (const std::size_t differing : {std::size_t{0}, std::size_t{7}, std::size_t{8}, std::size_t{31}}) {
            auto b = a;
            b[differing] ^= 0x01;
            QVERIFY(!mccig::constantTimeEquals(a, b));
        }
        // Known SHA-256 of "abc".
        const auto abc = mccig::digestSecret("abc");
        QCOMPARE(int(abc[0]), 0xba);
        QCOMPARE(int(abc[31]), 0xad);
    }

    void userDataFolderFollowsXdg()
    {
        const QByteArray home = qgetenv("HOME");
        const QByteArray xdg = qgetenv("XDG_DATA_HOME");
        qputenv("HOME", "/home/ada");
        qputenv("XDG_DATA_HOME", "/srv/data");
        QCOMPARE(mccig::userDataFolder(), std::filesystem::path("/srv/data/mccig"));
        // Unset or relative: ignored, as the specification says.
        qputenv("XDG_DATA_HOME", "relative/data");
        QCOMPARE(mccig::userDataFolder(), std::filesystem::path("/home/ada/.local/share/mccig"));
        qunsetenv("XDG_DATA_HOME");
        QCOMPARE(mccig::userDataFolder(), std::filesystem::path("/home/ada/.local/share/mccig"));
        qunsetenv("HOME");
        QCOMPARE(mccig::userDataFolder(), std::nullopt);
        qputenv("HOME", home);
        if (!xdg.isNull())
            qputenv("XDG_DATA_HOME", xdg);
    }
};

QTEST_GUILESS_MAIN(EngineCoreTest)
#include "engine_core_test.moc"
