// The provider payloads as ingest bodies, the ids made of provider ids, and
// the checks on a secret before it is stored: pure functions, no server.
#include "webhooks/new_webhook_secret.h"
#include "webhooks/provider_message_id.h"
#include "webhooks/twilio_payload.h"
#include "webhooks/whatsapp_payload.h"

#include "mccig/validation/message_validator.h"

#include "json_compare.h"

#include <QtTest>

using namespace mccig;
using namespace mccig::server;

namespace {

const FormFields kCall{{"CallSid", "CA0001"}, {"From", "+14155550123"}, {"To", "+14155550100"},
                       {"Direction", "outbound-api"}, {"CallStatus", "busy"}, {"CallDuration", "12"}};

FormFields with(FormFields fields, const std::string& name, const std::string& value)
{
    for (auto& [key, existing] : fields) {
        if (key == name) {
            existing = value;
            return fields;
        }
    }
    fields.emplace_back(name, value);
    return fields;
}

std::string whatsappDelivery(const nlohmann::json& value)
{
    return nlohmann::json{{"object", "whatsapp_business_account"},
                          {"entry", {{{"id", "1"}, {"changes", {{{"field", "messages"}, {"value", value}}}}}}}}
        .dump();
}

} // namespace

class WebhookPayloadsTest final : public QObject {
    Q_OBJECT

private slots:
    void providerMessageIdsKeepTheirAllowedCharactersAndStayDistinct()
    {
        QCOMPARE(providerMessageIdFrom("SM1f0e8ae6ade4"), std::string("SM1f0e8ae6ade4"));
        QCOMPARE(providerMessageIdFrom("wamid.HBg_a-b="), std::string("wamid.HBg_a-b:3D"));
        QCOMPARE(providerMessageIdFrom("a:3D"), std::string("a:3A3D")); // never the same as "a="'s
        QCOMPARE(providerMessageIdFrom("a/b+c"), std::string("a:2Fb:2Bc"));
        QVERIFY(isValidProviderMessageId(providerMessageIdFrom("wamid.\xc3\xa9 x=")));
    }

    void twilioSmsNeedsItsSidAndNumbers()
    {
        const FormFields sms{{"MessageSid", "SM1"}, {"From", "+14155550123"}, {"To", "+14155550100"}, {"Body", "hi"},
                             {"AccountSid", "AC1"}};
        const auto text = twilioSmsBody(sms);
        QVERIFY(text.has_value());
        const auto body = nlohmann::json::parse(*text);
        QCOMPARE_JSON(body["providerMessageId"], "SM1");
        QCOMPARE_JSON(body["body"], "hi");
        QCOMPARE_JSON(body["metadata"], nlohmann::json({{"twilio", {{"AccountSid", "AC1"}}}}));
        QVERIFY(!body.contains("media"));
        for (const char* required : {"MessageSid", "From", "To"}) {
            FormFields missing;
            for (const auto& field : sms)
                if (field.first != required)
                    missing.push_back(field);
            const auto refused = twilioSmsBody(missing);
            QVERIFY(!refused.has_value());
            QVERIFY2(refused.error().find(required) != std::string::npos, refused.error().c_str());
        }
    }

    void twilioSmsWithNeitherTextNorMediaIsKeptAndSaysSo()
    {
        const FormFields sms{{"MessageSid", "SM2"}, {"From", "+14155550123"}, {"To", "+14155550100"}, {"Body", ""},
                             {"NumMedia", "0"}};
        const auto text = twilioSmsBody(sms);
        QVERIFY(text.has_value());
        QCOMPARE_JSON(nlohmann::json::parse(*text)["body"], "[SMS without text]");
        const auto parsed = MessageBody::parse(*text);
        QVERIFY(parsed.has_value());
        QVERIFY(validateMessage(Channel::Sms, *parsed).has_value());
    }

    void twilioFieldsAreKeptAsAJsonObjectKeepsThem()
    {
        const FormFields sms{{"MessageSid", "SM1"}, {"From", "+14155550123"}, {"To", "+14155550100"},
                             {"Body", "say \"hi\"\n\xC3!"}, {"Zeta", "1"}, {"Alpha", "first"}, {"Alpha", "last"}};
        const auto text = twilioSmsBody(sms);
        QVERIFY(text.has_value());
        const auto body = nlohmann::json::parse(*text);
        // A byte that is no UTF-8 becomes U+FFFD; a repeated field keeps its last value.
        QCOMPARE_JSON(body["body"], "say \"hi\"\n\xEF\xBF\xBD!");
        QCOMPARE_JSON(body["metadata"], nlohmann::json({{"twilio", {{"Alpha", "last"}, {"Zeta", "1"}}}}));
        const auto parsed = MessageBody::parse(*text);
        QVERIFY(parsed.has_value());
        QVERIFY(validateMessage(Channel::Sms, *parsed).has_value());
    }

    void twilioVoiceMapsDirectionStatusAndDuration()
    {
        const auto body = twilioVoiceBody(kCall);
        QVERIFY(body.has_value() && body->has_value());
        const auto voice = nlohmann::json::parse(**body);
        QCOMPARE_JSON(voice["direction"], "outbound");
        QCOMPARE_JSON(voice["status"], "busy");
        QCOMPARE_JSON(voice["durationSeconds"], 12);
        QVERIFY(!voice.contains("transcript"));
        QVERIFY(!voice["metadata"]["twilio"].contains("CallDuration"));
        const auto inbound = twilioVoiceBody(with(kCall, "Direction", "inbound"));
        QCOMPARE_JSON(nlohmann::json::parse(**inbound)["direction"], "inbound");
    }

    void twilioCallDurationThatIsNoNumberIsKeptAsSent_data()
    {
        QTest::addColumn<QString>("callDuration");
        QTest::newRow("a word") << "x";
        QTest::newRow("trailing text") << "12abc";
        QTest::newRow("negative") << "-3";
        QTest::newRow("fractional") << "1.5";
    }

    void twilioCallDurationThatIsNoNumberIsKeptAsSent()
    {
        QFETCH(QString, callDuration);
        const auto call = with(kCall, "CallDuration", callDuration.toStdString());
        const auto voice = nlohmann::json::parse(**twilioVoiceBody(call));
        QCOMPARE_JSON(voice["durationSeconds"], 0);
        QCOMPARE_JSON(voice["metadata"]["twilio"]["CallDuration"], callDuration.toStdString());
        const auto recorded = nlohmann::json::parse(**twilioVoiceBody(with(call, "RecordingDuration", "41")));
        QCOMPARE_JSON(recorded["durationSeconds"], 41);
    }

    void twilioCallInProgressIsNothingToStoreUnlessTranscribed()
    {
        for (const char* status : {"queued", "ringing", "in-progress"}) {
            const auto progress = twilioVoiceBody(with(kCall, "CallStatus", status));
            QVERIFY(progress.has_value());
            QVERIFY2(!progress->has_value(), status);
        }
        const auto transcribed =
            twilioVoiceBody(with(with(kCall, "CallStatus", "in-progress"), "TranscriptionText", "call me"));
        QVERIFY(transcribed.has_value() && transcribed->has_value());
        QCOMPARE_JSON(nlohmann::json::parse(**transcribed)["status"], "completed");
        QCOMPARE_JSON(nlohmann::json::parse(**transcribed)["transcript"], "call me");
    }

    void whatsappNumbersGetTheirPlusAndMediaTheirCaption()
    {
        const auto batch = parseWhatsAppBatch(whatsappDelivery(
            {{"metadata", {{"display_phone_number", "15550783881"}, {"phone_number_id", "106"}}},
             {"messages",
              {{{"from", "16505551234"}, {"id", "wamid.A="}, {"timestamp", "1749416383"}, {"type", "sticker"},
                {"sticker", {{"id", "77"}, {"mime_type", "image/webp"}}}},
               {{"from", "+16505551234"}, {"id", "wamid.B"}, {"type", "image"},
                {"image", {{"id", "78"}, {"caption", "look"}}}}}},
             {"statuses", {{{"id", "wamid.C"}, {"status", "read"}}, {{"id", "wamid.D"}, {"status", "sent"}}}}}));
        QVERIFY2(batch.has_value(), batch ? "" : batch.error().message.c_str());
        QCOMPARE(batch->statuses, std::size_t(2));
        QCOMPARE(batch->messages.size(), std::size_t(2));
        const auto sticker = nlohmann::json::parse(batch->messages[0]);
        QCOMPARE_JSON(sticker["providerMessageId"], "wamid.A:3D");
        QCOMPARE_JSON(sticker["conversationId"], "+16505551234");
        QCOMPARE_JSON(sticker["text"], "[whatsapp sticker]");
        QCOMPARE_JSON(sticker["timestamp"], "2025-06-08T20:59:43.000000Z");
        QCOMPARE_JSON(sticker["metadata"]["whatsapp"]["businessNumber"], "+15550783881");
        QCOMPARE_JSON(sticker["metadata"]["whatsapp"]["sticker"]["id"], "77");
        const auto image = nlohmann::json::parse(batch->messages[1]);
        QCOMPARE_JSON(image["sender"]["id"], "+16505551234");
        QCOMPARE_JSON(image["text"], "look");
        const auto parsed = MessageBody::parse(batch->messages[0]);
        QVERIFY(parsed.has_value());
        QVERIFY(validateMessage(Channel::Chat, *parsed).has_value());
    }

    void whatsappNumberBeyond64BitsIsTakenAsADouble()
    {
        const std::string delivery =
            R"({"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"messages":[)"
            R"({"from":"1","id":"wamid.N","type":"image","image":{"id":"9","size":18446744073709551616}}]}}]}]})";
        const auto batch = parseWhatsAppBatch(delivery);
        QVERIFY2(batch.has_value(), batch ? "" : batch.error().message.c_str());
        QCOMPARE(batch->messages.size(), std::size_t(1));
        const auto image = nlohmann::json::parse(batch->messages[0]);
        QCOMPARE_JSON(image["metadata"]["whatsapp"]["image"]["size"], 18446744073709551616.0);
    }

    void whatsappRefusesWhatIsNoDelivery_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("json");
        QTest::addColumn<QString>("mentions");
        const auto delivery = [](const nlohmann::json& value) { return QString::fromStdString(whatsappDelivery(value)); };
        const auto entries = [](const nlohmann::json& entry) {
            return QString::fromStdString(
                nlohmann::json{{"object", "whatsapp_business_account"}, {"entry", entry}}.dump());
        };
        QTest::newRow("not JSON") << "{\"object\":" << false << "not JSON";
        QTest::newRow("another object") << R"({"object":"page","entry":[]})" << true << "whatsapp_business_account";
        QTest::newRow("an array") << "[]" << true << "whatsapp_business_account";
        QTest::newRow("no entry") << R"({"object":"whatsapp_business_account"})" << true << "entry";
        QTest::newRow("entry an object") << entries(nlohmann::json::object()) << true << "entry";
        QTest::newRow("an entry a number") << entries({7}) << true << "entry";
        QTest::newRow("changes a string") << entries({{{"changes", "x"}}}) << true << "changes";
        QTest::newRow("a change a string") << entries({{{"changes", {"x"}}}}) << true << "changes";
        QTest::newRow("value a number") << entries({{{"changes", {{{"value", 1}}}}}}) << true << "value";
        QTest::newRow("messages a string") << delivery({{"messages", "hi"}}) << true << "messages";
        QTest::newRow("statuses an object") << delivery({{"statuses", nlohmann::json::object()}}) << true
                                            << "statuses";
        QTest::newRow("message without id")
            << delivery({{"messages", {{{"from", "1"}, {"type", "text"}}}}}) << true << "no id";
        QTest::newRow("message without sender")
            << delivery({{"messages", {{{"id", "wamid.X"}, {"type", "text"}}}}}) << true << "no from";
        QTest::newRow("a message a string") << delivery({{"messages", {"hi"}}}) << true << "no id";
    }

    void whatsappRefusesWhatIsNoDelivery()
    {
        QFETCH(QString, body);
        QFETCH(bool, json);
        QFETCH(QString, mentions);
        const auto batch = parseWhatsAppBatch(body.toStdString());
        QVERIFY(!batch.has_value());
        QCOMPARE(batch.error().kind,
                 json ? WhatsAppBatchError::Kind::NotADelivery : WhatsAppBatchError::Kind::NotJson);
        QVERIFY2(batch.error().message.find(mentions.toStdString()) != std::string::npos,
                 batch.error().message.c_str());
    }

    void whatsappChangeOfAnotherFieldOrWithNullsIsNothingToStore()
    {
        const auto nulls = parseWhatsAppBatch(whatsappDelivery({{"messages", nullptr}, {"statuses", nullptr}}));
        QVERIFY2(nulls.has_value(), nulls ? "" : nulls.error().message.c_str());
        QCOMPARE(nulls->messages.size(), std::size_t(0));
        const auto account = parseWhatsAppBatch(
            R"({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"account_update",)"
            R"("value":{"event":"VERIFIED_ACCOUNT"}}]}]})");
        QVERIFY2(account.has_value(), account ? "" : account.error().message.c_str());
        QCOMPARE(account->messages.size(), std::size_t(0));
        QCOMPARE(account->statuses, std::size_t(0));
    }

    void aNewSecretHasARandomIdAndItsValue()
    {
        const auto first = newWebhookSecret("acme", WebhookProvider::Twilio, "token-1");
        const auto second = newWebhookSecret("acme", WebhookProvider::Twilio, "token-1");
        QVERIFY(first.has_value() && second.has_value());
        QCOMPARE(first->entry.id.size(), std::size_t(16));
        QVERIFY(first->entry.id != second->entry.id);
        QCOMPARE(first->secret, std::string("token-1"));
        QVERIFY(!first->entry.createdAt.empty());
        const auto refused = newWebhookSecret("acme", WebhookProvider::Standard, "whsec_c2hvcnQ=");
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind, ErrorKind::Rejected);
        QVERIFY(!webhookSecretProblem(WebhookProvider::Standard, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        QVERIFY(webhookSecretProblem(WebhookProvider::WhatsApp, "tab\there").has_value());
    }
};

QTEST_GUILESS_MAIN(WebhookPayloadsTest)
#include "webhook_payloads_test.moc"
