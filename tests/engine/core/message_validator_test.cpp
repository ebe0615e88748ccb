#include "validate_json.h"

#include <QTest>

#include <string>
#include <string_view>

using mccig::Channel;
using mccig::test::validateJson;
using mccig::validateMessage;
using nlohmann::json;

Q_DECLARE_METATYPE(Channel)

namespace {

// A JSON string literal of `content`. Built by appending: GCC 12 at -O3 takes
// `"\"" + std::string(...)` for an overlapping copy (-Wrestrict, a false positive).
std::string jsonString(std::string_view content)
{
    std::string quoted;
    quoted.reserve(content.size() + 2);
    quoted += '"';
    quoted += content;
    quoted += '"';
    return quoted;
}

std::string repeated(std::string_view unit, int times)
{
    std::string text;
    for (int i = 0; i < times; ++i)
        text += unit;
    return text;
}

json validSms()
{
    return {{"providerMessageId", "SM123"}, {"from", "+14155550123"}, {"to", "+4915112345678"}, {"body", "Hello"}};
}

json validChat()
{
    return {{"providerMessageId", "chat-1"},
            {"conversationId", "conv-9"},
            {"sender", {{"id", "u-1"}, {"name", "Ada"}}},
            {"text", "Where is my order?"}};
}

json validVoice()
{
    return {{"providerMessageId", "CA42"}, {"from", "+14155550123"}, {"to", "+14155550124"},
            {"direction", "inbound"},      {"status", "completed"},    {"durationSeconds", 73}};
}

json validFor(Channel channel)
{
    switch (channel) {
    case Channel::Sms: return validSms();
    case Channel::Chat: return validChat();
    case Channel::Voice: return validVoice();
    }
    return {};
}

// The paths of all violations, in order, joined by ",".
QString violationPaths(Channel channel, const json& body)
{
    const auto result = validateJson(channel, body);
    if (result)
        return QStringLiteral("<valid>");
    QStringList paths;
    for (const auto& violation : result.error()) {
        if (violation.message.empty())
            return QStringLiteral("<violation without message>");
        paths << QString::fromStdString(violation.path);
    }
    return paths.join(QLatin1Char(','));
}

json with(json body, const std::string& key, json value)
{
    body[key] = std::move(value);
    return body;
}

json without(json body, const std::string& key)
{
    body.erase(key);
    return body;
}

} // namespace

class MessageValidatorTest final : public QObject {
    Q_OBJECT

private slots:
    void validPayloadsPassEveryChannel()
    {
        for (Channel channel : mccig::kAllChannels)
            QCOMPARE(violationPaths(channel, validFor(channel)), QStringLiteral("<valid>"));
    }

    void smsNormalizesBodyToContentAndKeepsTheRest()
    {
        json body = validSms();
        body["media"] = {"https://cdn.example.com/a.jpg"};
        body["metadata"] = {{"campaign", "spring"}};
        body["timestamp"] = "2026-11-26T10:00:00+01:00";
        const auto message = validateJson(Channel::Sms, body);
        QVERIFY(message);
        QCOMPARE(message->providerMessageId, std::string("SM123"));
        QCOMPARE(message->content, std::string("Hello"));
        const json expected = {{"from", "+14155550123"},
                               {"to", "+4915112345678"},
                               {"media", {"https://cdn.example.com/a.jpg"}},
                               {"metadata", {{"campaign", "spring"}}},
                               {"occurredAt", "2026-11-26T10:00:00+01:00"}};
        QCOMPARE(QString::fromStdString((message->rawMetadata).dump()), QString::fromStdString(nlohmann::json(expected).dump()));
    }

    void chatContentIsTextWithSenderRoleDefaulted()
    {
        const auto message = validateJson(Channel::Chat, validChat());
        QVERIFY(message);
        QCOMPARE(message->content, std::string("Where is my order?"));
        const json expectedSender = {{"id", "u-1"}, {"name", "Ada"}, {"role", "customer"}};
        QCOMPARE(QString::fromStdString((message->rawMetadata["sender"]).dump()), QString::fromStdString(nlohmann::json(expectedSender).dump()));
        QCOMPARE(QString::fromStdString((message->rawMetadata["conversationId"]).dump()), QString::fromStdString((json("conv-9")).dump()));
        QVERIFY(!message->rawMetadata.contains("text"));
    }

    void chatWithOnlyAttachmentsSummarizesThem()
    {
        json body = without(validChat(), "text");
        body["attachments"] = {{{"url", "https://x.example/a.png"}, {"contentType", "image/png"}},
                               {{"url", "http://x.example/b"}}};
        const auto message = validateJson(Channel::Chat, body);
        QVERIFY(message);
        QCOMPARE(message->content, std::string("[2 attachments: image/png, file]"));
        QCOMPARE(message->rawMetadata["attachments"].size(), std::size_t{2});
    }

    void voiceWithoutTranscriptDescribesTheCall()
    {
        const auto message = validateJson(Channel::Voice, validVoice());
        QVERIFY(message);
        QCOMPARE(message->content, std::string("[voice call completed 73s]"));
        QCOMPARE(QString::fromStdString((message->rawMetadata["durationSeconds"]).dump()), QString::fromStdString((json(73)).dump()));
        QCOMPARE(QString::fromStdString((message->rawMetadata["direction"]).dump()), QString::fromStdString((json("inbound")).dump()));
    }

    void voiceTranscriptBecomesContent()
    {
        const auto message = validateJson(Channel::Voice, with(validVoice(), "transcript", "Hi, it's me"));
        QVERIFY(message);
        QCOMPARE(message->content, std::string("Hi, it's me"));
        QVERIFY(!message->rawMetadata.contains("transcript"));
    }

    void bodyTenantIdOfTheRightShapeIsAccepted()
    {
        const auto message = validateJson(Channel::Sms, with(validSms(), "tenantId", "acme-1"));
        QVERIFY(message);
        QCOMPARE(message->providerMessageId, validSms()["providerMessageId"].get<std::string>());
    }

    void everyViolationIsListed()
    {
        const json body = {{"providerMessageId", ""}, {"from", "123"}, {"body", ""}, {"colour", "red"}};
        QCOMPARE(violationPaths(Channel::Sms, body), QStringLiteral("providerMessageId,colour,from,to,body"));
    }

    void nonObjectBodyIsRejected()
    {
        QCOMPARE(violationPaths(Channel::Sms, json::array()), QStringLiteral(""));
        QCOMPARE(violationPaths(Channel::Chat, json("text")), QStringLiteral(""));
    }

    void rejectsBadValues_data()
    {
        QTest::addColumn<Channel>("channel");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("valueJson");
        QTest::addColumn<QString>("expectedPaths");

        const auto row = [](const char* name, Channel channel, const char* field, const char* value, const char* paths) {
            QTest::newRow(name) << channel << QString::fromLatin1(field) << QString::fromUtf8(value)
                                << QString::fromLatin1(paths);
        };
        // common fields
        row("pmid missing", Channel::Sms, "providerMessageId", "null", "providerMessageId");
        row("pmid space", Channel::Sms, "providerMessageId", "\"a b\"", "providerMessageId");
        row("pmid 129", Channel::Sms, "providerMessageId", jsonString(std::string(129, 'a')).c_str(), "providerMessageId");
        row("pmid number", Channel::Chat, "providerMessageId", "12", "providerMessageId");
        row("tenant upper", Channel::Sms, "tenantId", "\"Acme\"", "tenantId");
        row("tenant leading dash", Channel::Voice, "tenantId", "\"-acme\"", "tenantId");
        row("timestamp no zone", Channel::Sms, "timestamp", "\"2026-11-26T10:00:00\"", "timestamp");
        row("timestamp feb 30", Channel::Sms, "timestamp", "\"2026-02-30T10:00:00Z\"", "timestamp");
        row("timestamp number", Channel::Sms, "timestamp", "1732610000", "timestamp");
        row("metadata array", Channel::Sms, "metadata", "[1]", "metadata");
        row("metadata too deep", Channel::Sms, "metadata", "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{\"h\":{}}}}}}}}}", "metadata");
        row("metadata too big", Channel::Sms, "metadata", ("{\"x\":\"" + std::string(8200, 'x') + "\"}").c_str(), "metadata");
        // sms
        row("sms from local", Channel::Sms, "from", "\"04155550123\"", "from");
        row("sms from leading zero", Channel::Sms, "from", "\"+04155550123\"", "from");
        row("sms to short", Channel::Sms, "to", "\"+12345\"", "to");
        row("sms to 16 digits", Channel::Sms, "to", "\"+1234567890123456\"", "to");
        row("sms body empty", Channel::Sms, "body", "\"\"", "body");
        row("sms body 1601", Channel::Sms, "body", jsonString(std::string(1601, 'b')).c_str(), "body");
        // One to four bytes a character, 4,001 bytes: counted by character, not byte.
        row("sms body 1601 mixed widths", Channel::Sms, "body",
            jsonString(repeated("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", 400) + "b").c_str(), "body");
        row("sms media ftp", Channel::Sms, "media", "[\"https://ok.example/a\",\"ftp://x/y\"]", "media[1]");
        row("sms media 11", Channel::Sms, "media", "[\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\"]", "media");
        row("sms media object", Channel::Sms, "media", "{}", "media");
        // chat
        row("chat conversation empty", Channel::Chat, "conversationId", "\"\"", "conversationId");
        row("chat sender string", Channel::Chat, "sender", "\"bob\"", "sender");
        row("chat sender no id", Channel::Chat, "sender", "{\"name\":\"Bob\"}", "sender.id");
        row("chat sender bad role", Channel::Chat, "sender", "{\"id\":\"1\",\"role\":\"admin\"}", "sender.role");
        row("chat sender unknown", Channel::Chat, "sender", "{\"id\":\"1\",\"avatar\":\"x\"}", "sender.avatar");
        row("chat text 4097", Channel::Chat, "text", jsonString(std::string(4097, 't')).c_str(), "text");
        row("chat text empty", Channel::Chat, "text", "\"\"", "text");
        row("chat attachment bad url", Channel::Chat, "attachments", "[{\"url\":\"javascript:alert(1)\"}]", "attachments[0].url");
        row("chat attachment not object", Channel::Chat, "attachments", "[\"http://a.b\"]", "attachments[0]");
        // voice
        row("voice direction", Channel::Voice, "direction", "\"sideways\"", "direction");
        row("voice status", Channel::Voice, "status", "\"ringing\"", "status");
        row("voice duration negative", Channel::Voice, "durationSeconds", "-1", "durationSeconds");
        row("voice duration too long", Channel::Voice, "durationSeconds", "86401", "durationSeconds");
        row("voice duration fraction", Channel::Voice, "durationSeconds", "1.5", "durationSeconds");
        row("voice duration real with a fraction", Channel::Voice, "durationSeconds", "86400.0001e0", "durationSeconds");
        row("voice duration real too long", Channel::Voice, "durationSeconds", "86401.0", "durationSeconds");
        row("voice duration huge real", Channel::Voice, "durationSeconds", "1e300", "durationSeconds");
        row("voice duration beyond int64", Channel::Voice, "durationSeconds", "18446744073709551615", "durationSeconds");
        row("voice duration string", Channel::Voice, "durationSeconds", "\"60\"", "durationSeconds");
        row("voice recording", Channel::Voice, "recordingUrl", "\"www.example.com/r.mp3\"", "recordingUrl");
        row("voice recording without a host", Channel::Voice, "recordingUrl", "\"http://:80/r.mp3\"", "recordingUrl");
        row("voice recording with only userinfo", Channel::Voice, "recordingUrl", "\"https://user@/r\"", "recordingUrl");
        row("voice recording ftp", Channel::Voice, "recordingUrl", "\"ftp://example.com/r.mp3\"", "recordingUrl");
        row("voice transcript 20001", Channel::Voice, "transcript", jsonString(std::string(20001, 'v')).c_str(), "transcript");
        row("voice unknown", Channel::Voice, "body", "\"hello\"", "body");
    }

    void rejectsBadValues()
    {
        QFETCH(Channel, channel);
        QFETCH(QString, field);
        QFETCH(QString, valueJson);
        QFETCH(QString, expectedPaths);
        const json value = json::parse(valueJson.toStdString());
        QCOMPARE(violationPaths(channel, with(validFor(channel), field.toStdString(), value)), expectedPaths);
    }

    void acceptsBoundaryValues_data()
    {
        QTest::addColumn<Channel>("channel");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("valueJson");
        const auto row = [](const char* name, Channel channel, const char* field, std::string value) {
            QTest::newRow(name) << channel << QString::fromLatin1(field) << QString::fromStdString(value);
        };
        row("pmid 128 with punctuation", Channel::Sms, "providerMessageId", jsonString(std::string(124, 'a') + ".:_-"));
        row("tenant 64", Channel::Sms, "tenantId", jsonString(std::string(64, 'a')));
        row("e164 shortest", Channel::Sms, "from", "\"+1234567\"");
        row("e164 longest", Channel::Sms, "to", "\"+123456789012345\"");
        row("sms body 1600 multibyte", Channel::Sms, "body", jsonString(repeated("\xC3\xA9", 1600)));
        row("sms body 1600 mixed widths", Channel::Sms, "body",
            jsonString(repeated("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", 399) + "\xF0\x9F\x98\x80" "bcd"));
        row("sms media 10", Channel::Sms, "media", "[\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"http://a.b\",\"https://a.b/c?d=e\"]");
        row("timestamp fraction lowercase", Channel::Sms, "timestamp", "\"2026-11-26t10:00:00.123456789z\"");
        row("metadata depth 8", Channel::Sms, "metadata", "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{}}}}}}}}");
        row("chat role bot", Channel::Chat, "sender", "{\"id\":\"b\",\"role\":\"bot\"}");
        row("voice duration zero", Channel::Voice, "durationSeconds", "0");
        row("voice duration max", Channel::Voice, "durationSeconds", "86400");
        row("voice duration written as a real", Channel::Voice, "durationSeconds", "10.0");
        row("voice duration in exponent form", Channel::Voice, "durationSeconds", "8.64e4");
        row("voice no-answer", Channel::Voice, "status", "\"no-answer\"");
        row("optional null", Channel::Voice, "recordingUrl", "null");
        row("url scheme in capitals", Channel::Voice, "recordingUrl", "\"HTTPS://example.com/r.mp3\"");
        row("url with userinfo and port", Channel::Voice, "recordingUrl", "\"https://u:p@example.com:8443/r\"");
    }

    void acceptsBoundaryValues()
    {
        QFETCH(Channel, channel);
        QFETCH(QString, field);
        QFETCH(QString, valueJson);
        const json value = json::parse(valueJson.toStdString());
        QCOMPARE(violationPaths(channel, with(validFor(channel), field.toStdString(), value)), QStringLiteral("<valid>"));
    }

    void chatNeedsTextOrAttachments()
    {
        QCOMPARE(violationPaths(Channel::Chat, without(validChat(), "text")), QStringLiteral("text"));
        json emptyAttachments = without(validChat(), "text");
        emptyAttachments["attachments"] = json::array();
        QCOMPARE(violationPaths(Channel::Chat, emptyAttachments), QStringLiteral("text"));
    }

    void missingRequiredFieldsAreEachNamed()
    {
        QCOMPARE(violationPaths(Channel::Voice, json::object()),
                 QStringLiteral("providerMessageId,from,to,direction,status,durationSeconds"));
        QCOMPARE(violationPaths(Channel::Chat, json::object()),
                 QStringLiteral("providerMessageId,conversationId,sender,text"));
    }

    void textThatIsNotJsonDoesNotParse_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("truncated") << QByteArray(R"({"providerMessageId":"a")");
        QTest::newRow("trailing garbage") << QByteArray(R"({"providerMessageId":"a"} x)");
        QTest::newRow("bad utf-8") << QByteArray("{\"body\":\"\xff\"}");
        QTest::newRow("single quotes") << QByteArray("{'a':1}");
    }

    void textThatIsNotJsonDoesNotParse()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!mccig::MessageBody::parse(std::string_view(text.constData(), std::size_t(text.size()))));
    }

    void numberTooLargeToKeepIsAViolationNamingItsPath_data()
    {
        QTest::addColumn<QByteArray>("metadata");
        QTest::addColumn<QString>("path");
        QTest::newRow("1e400") << QByteArray(R"({"n":1e400})") << "metadata.n";
        QTest::newRow("integer beyond 64 bits") << QByteArray(R"({"a":1,"n":123456789012345678901234567890})")
                                                << "metadata.n";
        QTest::newRow("in a list") << QByteArray(R"({"l":[0,[1,-1e999]]})") << "metadata.l[1][1]";
        QTest::newRow("after a nested object") << QByteArray(R"({"o":{"p":[1,2]},"q":2e400})") << "metadata.q";
    }

    void numberTooLargeToKeepIsAViolationNamingItsPath()
    {
        QFETCH(QByteArray, metadata);
        QFETCH(QString, path);
        const std::string text = R"({"providerMessageId":"a","from":"+14155550123","to":"+14155550124",)"
                                 R"("body":"hi","metadata":)" + metadata.toStdString() + "}";
        const auto body = mccig::MessageBody::parse(text);
        QVERIFY(body);
        QVERIFY(!body->tenantClaim());
        const auto result = validateMessage(Channel::Sms, *body);
        QVERIFY(!result);
        QCOMPARE(result.error().size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(result.error()[0].path), path);
    }

    void nulInAnyKeyOrStringIsAViolation_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("paths");
        QTest::newRow("body") << QByteArray(R"({"body":"\u0000"})") << QStringList{"body"};
        QTest::newRow("metadata key and value")
            << QByteArray(R"({"body":"x","metadata":{"a\u0000":"b","c":[{"d":"e\u0000"}]}})")
            << QStringList{QString::fromStdString(std::string("metadata.a\0", 11)), "metadata.c[0].d"};
        QTest::newRow("escaped backslash is no NUL") << QByteArray(R"({"body":"\\u0000"})") << QStringList{};
    }

    void nulInAnyKeyOrStringIsAViolation()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, paths);
        auto body = nlohmann::json::parse(text.toStdString());
        json full = validSms();
        full.merge_patch(body);
        const auto result = validateJson(Channel::Sms, full);
        QStringList found;
        if (!result) {
            for (const auto& violation : result.error())
                found << QString::fromStdString(violation.path);
        }
        QCOMPARE(found, paths);
    }

    void timestampOutsideWhatAClockHoldsIsAViolation()
    {
        for (const std::string timestamp : {"4072-01-31T12:00:00Z", "1000-01-01T00:00:00Z"})
            QCOMPARE(violationPaths(Channel::Sms, with(validSms(), "timestamp", timestamp)), QStringLiteral("timestamp"));
        QCOMPARE(violationPaths(Channel::Sms, with(validSms(), "timestamp", "2261-12-31T23:59:59Z")),
                 QStringLiteral("<valid>"));
    }

    void fieldGivenTwiceIsRefused()
    {
        const auto body = mccig::MessageBody::parse(
            R"({"providerMessageId":"a","from":"+14155550123","to":"+14155550124","body":"hi","body":"again"})");
        QVERIFY(body);
        const auto result = validateMessage(Channel::Sms, *body);
        QVERIFY(!result);
        QCOMPARE(result.error().size(), std::size_t(1));
        QCOMPARE(result.error()[0].path, std::string("body"));
        QCOMPARE(result.error()[0].message, std::string("appears more than once"));
    }

    void tenantClaimIsTheStringTenantIdOnly()
    {
        QCOMPARE(mccig::MessageBody::parse(R"({"tenantId":"acme"})")->tenantClaim(),
                 std::optional<std::string_view>("acme"));
        QVERIFY(!mccig::MessageBody::parse(R"({"tenantId":7})")->tenantClaim());
        QVERIFY(!mccig::MessageBody::parse(R"(["tenantId"])")->tenantClaim());
        QVERIFY(!mccig::MessageBody::parse(R"({})")->tenantClaim());
    }

    void metadataKeepsEveryJsonType()
    {
        json body = validSms();
        body["metadata"] = {{"big", 18446744073709551615ULL}, {"negative", -5}, {"ratio", 0.25},
                            {"flag", false},                  {"nothing", nullptr}, {"list", {1, "two", json::object()}}};
        const auto message = validateJson(Channel::Sms, body);
        QVERIFY(message);
        QCOMPARE(QString::fromStdString(message->rawMetadata["metadata"].dump()),
                 QString::fromStdString(body["metadata"].dump()));
    }
};

QTEST_GUILESS_MAIN(MessageValidatorTest)
#include "message_validator_test.moc"
