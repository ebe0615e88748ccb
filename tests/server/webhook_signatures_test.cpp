#include "provider_signer.h"
#include "webhooks/form_fields.h"
#include "webhooks/meta_signature.h"
#include "webhooks/standard_webhook_signature.h"
#include "webhooks/twilio_signature.h"
#include "webhooks/webhook_crypto.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace mccig::server;
using mccig::test::signedByProvider;
using namespace std::chrono_literals;

namespace {

const FormFields kTwilioExample{{"CallSid", "CA1234567890ABCDE"}, {"Caller", "+12349013030"}, {"Digits", "1234"},
                                {"From", "+12349013030"}, {"To", "+18005551212"}};

nlohmann::json asParams(const FormFields& fields)
{
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [name, value] : fields)
        params[name] = value;
    return params;
}

std::int64_t secondsSinceEpoch(std::chrono::system_clock::time_point at = std::chrono::system_clock::now())
{
    return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}

} // namespace

class WebhookSignaturesTest final : public QObject {
    Q_OBJECT

private slots:
    void twilioSignatureIsTwiliosOwn();
    void twilioSignatureOfTheUrlWithOrWithoutItsDefaultPortMatches();
    void twilioSignatureFailsOnAnyChange();
    void metaSignatureIsMetasDocumentedHmac();
    void metaSignatureFailsOnAnyChange();
    void standardWebhookSignedByTheLibraryIsValid();
    void standardWebhookAcceptsEitherSecretDuringRotation();
    void standardWebhookRefusesARotatedOutSecret();
    void standardWebhookRefusesAStaleOrFutureTimestamp();
    void standardWebhookRefusesMalformedHeaders();
    void formFieldsAreDecoded();
    void malformedFormIsRefused();
    void base64RoundTripsAndRefusesGarbage();
};

void WebhookSignaturesTest::twilioSignatureIsTwiliosOwn()
{
    const std::string url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    const auto expected = signedByProvider(
        {{"provider", "twilio"}, {"authToken", "12345"}, {"url", url}, {"params", asParams(kTwilioExample)}});
    // The example of Twilio's security documentation, and its library, agree with ours.
    QCOMPARE(expected, std::string("0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    QCOMPARE(twilioSignature("12345", url, kTwilioExample), expected);
    QVERIFY(twilioSignatureMatches("12345", url, kTwilioExample, expected));
}

void WebhookSignaturesTest::twilioSignatureOfTheUrlWithOrWithoutItsDefaultPortMatches()
{
    const auto signedWithPort = signedByProvider({{"provider", "twilio"},
                                                  {"authToken", "tok"},
                                                  {"url", "https://gw.example.com:443/v1/webhooks/twilio/acme/sms"},
                                                  {"params", asParams(kTwilioExample)}});
    QVERIFY(twilioSignatureMatches("tok", "https://gw.example.com/v1/webhooks/twilio/acme/sms", kTwilioExample,
                                   signedWithPort));
    QVERIFY(!twilioSignatureMatches("tok", "https://gw.example.com:8443/v1/webhooks/twilio/acme/sms", kTwilioExample,
                                    signedWithPort));
}

void WebhookSignaturesTest::twilioSignatureFailsOnAnyChange()
{
    const std::string url = "https://gw.example.com/v1/webhooks/twilio/acme/sms";
    const auto signature = signedByProvider(
        {{"provider", "twilio"}, {"authToken", "tok"}, {"url", url}, {"params", asParams(kTwilioExample)}});
    auto changed = kTwilioExample;
    changed[2].second = "1235";
    QVERIFY(!twilioSignatureMatches("tok", url, changed, signature));
    QVERIFY(!twilioSignatureMatches("other", url, kTwilioExample, signature));
    QVERIFY(!twilioSignatureMatches("tok", url + "x", kTwilioExample, signature));
    QVERIFY(!twilioSignatureMatches("tok", url, kTwilioExample, ""));
}

void WebhookSignaturesTest::metaSignatureIsMetasDocumentedHmac()
{
    const std::string body = R"({"object":"whatsapp_business_account","entry":[]})";
    const auto header = signedByProvider({{"provider", "meta"}, {"appSecret", "app-secret"}, {"body", body}});
    QVERIFY(metaSignatureMatches("app-secret", body, header));
}

void WebhookSignaturesTest::metaSignatureFailsOnAnyChange()
{
    const std::string body = R"({"object":"whatsapp_business_account","entry":[]})";
    const auto header = signedByProvider({{"provider", "meta"}, {"appSecret", "app-secret"}, {"body", body}});
    QVERIFY(!metaSignatureMatches("app-secret", body + " ", header));
    QVERIFY(!metaSignatureMatches("wrong", body, header));
    QVERIFY(!metaSignatureMatches("app-secret", body, header.substr(7)));   // without "sha256="
    QVERIFY(!metaSignatureMatches("app-secret", body, "sha1=" + header.substr(7)));
}

void WebhookSignaturesTest::standardWebhookSignedByTheLibraryIsValid()
{
    const std::string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const std::string body = R"({"providerMessageId":"m1","from":"user-1","body":"hi"})";
    const auto timestamp = secondsSinceEpoch();
    const auto signature = signedByProvider(
        {{"provider", "standard"}, {"secret", secret}, {"id", "msg_1"}, {"timestamp", timestamp}, {"body", body}});
    const auto stamp = std::to_string(timestamp);
    QCOMPARE(checkStandardWebhook({secret}, {"msg_1", stamp, signature}, body, std::chrono::system_clock::now()),
             StandardSignatureCheck::Valid);
    QCOMPARE(checkStandardWebhook({secret}, {"msg_1", stamp, signature}, body + "x", std::chrono::system_clock::now()),
             StandardSignatureCheck::Mismatch);
    QCOMPARE(checkStandardWebhook({secret}, {"msg_2", stamp, signature}, body, std::chrono::system_clock::now()),
             StandardSignatureCheck::Mismatch);
}

void WebhookSignaturesTest::standardWebhookAcceptsEitherSecretDuringRotation()
{
    const std::string oldSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const std::string newSecret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    const auto timestamp = secondsSinceEpoch();
    const auto signature = signedByProvider(
        {{"provider", "standard"}, {"secret", newSecret}, {"id", "msg_1"}, {"timestamp", timestamp}, {"body", "{}"}});
    // A sender that signs with both lists both signatures; either matching is enough.
    const auto both = signature + " v1,bm90LWEtc2lnbmF0dXJl";
    QCOMPARE(checkStandardWebhook({oldSecret, newSecret}, {"msg_1", std::to_string(timestamp), both}, "{}",
                                  std::chrono::system_clock::now()),
             StandardSignatureCheck::Valid);
}

void WebhookSignaturesTest::standardWebhookRefusesARotatedOutSecret()
{
    const std::string retired = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const std::string current = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    const auto timestamp = secondsSinceEpoch();
    const auto signature = signedByProvider(
        {{"provider", "standard"}, {"secret", retired}, {"id", "msg_1"}, {"timestamp", timestamp}, {"body", "{}"}});
    QCOMPARE(checkStandardWebhook({current}, {"msg_1", std::to_string(timestamp), signature}, "{}",
                                  std::chrono::system_clock::now()),
             StandardSignatureCheck::Mismatch);
}

void WebhookSignaturesTest::standardWebhookRefusesAStaleOrFutureTimestamp()
{
    const std::string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    // One "now" for signing and checking: signing runs Node and can take seconds on a loaded machine,
    // which would carry a +301 s stamp back inside the tolerance.
    const auto now = std::chrono::system_clock::now();
    for (const auto offset : {-301, 301}) {
        const auto timestamp = secondsSinceEpoch(now) + offset;
        const auto signature = signedByProvider(
            {{"provider", "standard"}, {"secret", secret}, {"id", "m"}, {"timestamp", timestamp}, {"body", "{}"}});
        QCOMPARE(checkStandardWebhook({secret}, {"m", std::to_string(timestamp), signature}, "{}", now),
                 StandardSignatureCheck::StaleTimestamp);
    }
}

void WebhookSignaturesTest::standardWebhookRefusesMalformedHeaders()
{
    const std::vector<std::string> secrets{"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"};
    const auto now = std::chrono::system_clock::now();
    const auto stamp = std::to_string(secondsSinceEpoch());
    QCOMPARE(checkStandardWebhook(secrets, {"", stamp, "v1,x"}, "{}", now), StandardSignatureCheck::Malformed);
    QCOMPARE(checkStandardWebhook(secrets, {"m", "", "v1,x"}, "{}", now), StandardSignatureCheck::Malformed);
    QCOMPARE(checkStandardWebhook(secrets, {"m", "12x", "v1,x"}, "{}", now), StandardSignatureCheck::Malformed);
    QCOMPARE(checkStandardWebhook(secrets, {"m", stamp, ""}, "{}", now), StandardSignatureCheck::Malformed);
    QCOMPARE(checkStandardWebhook(secrets, {"m", stamp, "v2,abcd"}, "{}", now), StandardSignatureCheck::Mismatch);
}

void WebhookSignaturesTest::formFieldsAreDecoded()
{
    const auto fields = parseFormFields("From=%2B14155550123&Body=Hello+there%21&Empty=&MediaUrl0=https%3A%2F%2Fx");
    QVERIFY(fields);
    QCOMPARE(fields->size(), std::size_t(4));
    QCOMPARE(*formValue(*fields, "From"), std::string("+14155550123"));
    QCOMPARE(*formValue(*fields, "Body"), std::string("Hello there!"));
    QCOMPARE(*formValue(*fields, "Empty"), std::string());
    QCOMPARE(*formValue(*fields, "MediaUrl0"), std::string("https://x"));
    QVERIFY(formValue(*fields, "To") == nullptr);
}

void WebhookSignaturesTest::malformedFormIsRefused()
{
    QVERIFY(!parseFormFields("a=%2"));
    QVERIFY(!parseFormFields("a=%zz"));
    QVERIFY(!parseFormFields("=value"));
    QVERIFY(parseFormFields("")->empty());
}

void WebhookSignaturesTest::base64RoundTripsAndRefusesGarbage()
{
    for (const std::string& bytes : {std::string(), std::string("f"), std::string("fo"), std::string("foo"),
                                    std::string("foob"), std::string("\0\xff\x10", 3)})
        QCOMPARE(base64Decode(base64Encode(bytes)), std::optional<std::string>(bytes));
    QCOMPARE(base64Encode("foobar"), std::string("Zm9vYmFy"));
    QVERIFY(!base64Decode("Zm9"));
    QVERIFY(!base64Decode("Zm9v!mFy"));
    QVERIFY(!base64Decode("Zg=a"));
}

QTEST_GUILESS_MAIN(WebhookSignaturesTest)

#include "webhook_signatures_test.moc"
