// The console's provider signatures judged by the providers' own libraries
// (tests/webhooks/sign.mjs: npm twilio, standardwebhooks, and node's crypto
// as Meta documents it), the signed requests the playground builds, and the
// secrets and drafts it refuses to sign.
#include "playground/delivery_format.h"
#include "playground/meta_signature.h"
#include "playground/provider_delivery.h"
#include "playground/standard_webhook_signature.h"
#include "playground/twilio_signature.h"
#include "provider_signer.h"

#include <nlohmann/json.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

Q_DECLARE_METATYPE(mccig::console::DeliveryProblem)

using namespace mccig::console;
using mccig::test::signedByProvider;

namespace {

const QString kStandardSecret = QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
const QUrl kPublicUrl(QStringLiteral("https://gw.example.com:8443/"));

QByteArray byProvider(const nlohmann::json& request) { return QByteArray::fromStdString(signedByProvider(request)); }

nlohmann::json asParams(const QList<FormField>& fields)
{
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [name, value] : fields)
        params[name.toStdString()] = value.toStdString();
    return params;
}

QByteArray headerOf(const ApiRequest& request, const QByteArray& name)
{
    for (const auto& [key, value] : request.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// The fields of a form body, decoded as the gateway decodes them.
QList<FormField> formFieldsOf(const QByteArray& body)
{
    QList<FormField> fields;
    for (const QByteArray& pair : body.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        fields.append({QUrl::fromPercentEncoding(pair.left(equals)), QUrl::fromPercentEncoding(pair.mid(equals + 1))});
    }
    return fields;
}

ProviderDelivery delivery(DeliveryFormat format, const QString& secret)
{
    return ProviderDelivery{format,       QStringLiteral("acme"), QStringLiteral("chat"),
                            deliverySample(format, QStringLiteral("chat")), secret, kPublicUrl, 1767225600};
}

} // namespace

class ConsoleWebhookSigningTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void twilioSignatureIsTwiliosOwn_data();
    void twilioSignatureIsTwiliosOwn();
    void metaSignatureIsMetasDocumentedHmac_data();
    void metaSignatureIsMetasDocumentedHmac();
    void standardWebhookSignatureIsTheLibrarysOwn_data();
    void standardWebhookSignatureIsTheLibrarysOwn();
    void twilioDeliveryIsAFormSignedOverThePublicUrlAndPath();
    void whatsAppDeliverySignsTheRawBody();
    void standardDeliveryGivesTheSameIdToTheSameBody();
    void standardSecretWithoutPrefixOrBase64IsRefused_data();
    void standardSecretWithoutPrefixOrBase64IsRefused();
    void emptySecretIsRefusedForEveryProvider();
    void twilioDraftThatIsNoObjectOfStringsIsRefused();
    void twilioPublicUrlMustBeHttpWithAHost();
    void samplesCarryFreshIdsEachTime();
    void freshIdsLeaveTheRestOfTheDraft();
};

void ConsoleWebhookSigningTest::initTestCase() { Q_INIT_RESOURCE(mccig_console); }

void ConsoleWebhookSigningTest::twilioSignatureIsTwiliosOwn_data()
{
    QTest::addColumn<QString>("authToken");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QList<FormField>>("fields");
    // Twilio's security documentation's example.
    QTest::newRow("documented example") << QStringLiteral("12345")
                                        << QStringLiteral("https://mycompany.com/myapp.php?foo=1&bar=2")
                                        << QList<FormField>{{"CallSid", "CA1234567890ABCDE"}, {"Caller", "+12349013030"},
                                                            {"Digits", "1234"}, {"From", "+12349013030"},
                                                            {"To", "+18005551212"}};
    QTest::newRow("unsorted, mixed case, non-ASCII")
        << QStringLiteral("4f0c8d2b6a1e9f3c7d5b8a2e6f1c9d3b")
        << QStringLiteral("http://127.0.0.1:8080/v1/webhooks/twilio/acme/sms")
        << QList<FormField>{{"To", "+14155550100"}, {"body", "lower"}, {"Body", "Grüße & 👋 a+b=c"},
                            {"From", "+14155550123"}, {"MediaUrl0", "https://api.twilio.com/x?y=1"}};
    QTest::newRow("no fields") << QStringLiteral("token") << QStringLiteral("https://gw.example.com/v1/webhooks/twilio/a/voice")
                               << QList<FormField>{};
}

void ConsoleWebhookSigningTest::twilioSignatureIsTwiliosOwn()
{
    QFETCH(QString, authToken);
    QFETCH(QString, url);
    QFETCH(QList<FormField>, fields);
    const QByteArray expected = byProvider({{"provider", "twilio"},
                                            {"authToken", authToken.toStdString()},
                                            {"url", url.toStdString()},
                                            {"params", asParams(fields)}});
    QCOMPARE(twilioSignature(authToken, url, fields), expected);
}

void ConsoleWebhookSigningTest::metaSignatureIsMetasDocumentedHmac_data()
{
    QTest::addColumn<QString>("appSecret");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("sample") << QStringLiteral("b2e6f1c9d3b4f0c8d2b6a1e9f3c7d5b8")
                            << deliverySample(DeliveryFormat::WhatsApp, QString());
    QTest::newRow("non-ASCII") << QStringLiteral("s3cr3t") << QByteArray("{\"text\":\"Grüße 👋\"}");
}

void ConsoleWebhookSigningTest::metaSignatureIsMetasDocumentedHmac()
{
    QFETCH(QString, appSecret);
    QFETCH(QByteArray, body);
    const QByteArray expected =
        byProvider({{"provider", "meta"}, {"appSecret", appSecret.toStdString()}, {"body", body.toStdString()}});
    QCOMPARE(metaSignature(appSecret, body), expected);
}

void ConsoleWebhookSigningTest::standardWebhookSignatureIsTheLibrarysOwn_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("sample") << kStandardSecret << QByteArray("msg_p5jXN8AQM9LWM0D4loKWxJek") << qint64(1767225600)
                            << deliverySample(DeliveryFormat::StandardWebhooks, QStringLiteral("sms"));
    QTest::newRow("64-byte key, non-ASCII")
        << QStringLiteral("whsec_") + QString::fromLatin1(QByteArray(64, '\x7f').toBase64())
        << QByteArray("msg_2") << qint64(1700000000) << QByteArray("{\"body\":\"Grüße 👋\"}");
}

void ConsoleWebhookSigningTest::standardWebhookSignatureIsTheLibrarysOwn()
{
    QFETCH(QString, secret);
    QFETCH(QByteArray, id);
    QFETCH(qint64, timestamp);
    QFETCH(QByteArray, body);
    const auto key = standardWebhookKey(secret);
    QVERIFY(key.has_value());
    const QByteArray expected = byProvider({{"provider", "standard"},
                                            {"secret", secret.toStdString()},
                                            {"id", id.toStdString()},
                                            {"timestamp", timestamp},
                                            {"body", body.toStdString()}});
    QCOMPARE(standardWebhookSignature(*key, id, timestamp, body), expected);
}

void ConsoleWebhookSigningTest::twilioDeliveryIsAFormSignedOverThePublicUrlAndPath()
{
    const ProviderDelivery sms = delivery(DeliveryFormat::TwilioSms, QStringLiteral("twilio-token"));
    const auto request = signedDelivery(sms);
    QVERIFY(request.has_value());
    QCOMPARE(request->path, QStringLiteral("/v1/webhooks/twilio/acme/sms"));
    QCOMPARE(request->contentType, QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(request->auth, ApiAuth::None);
    const QList<FormField> posted = formFieldsOf(request->body);
    QCOMPARE(posted, *twilioFormFields(sms.payload));
    QVERIFY(posted.contains(FormField{QStringLiteral("From"), QStringLiteral("+14155550123")}));
    // The public URL's trailing slash is not doubled before the path.
    const QByteArray expected = byProvider({{"provider", "twilio"},
                                            {"authToken", "twilio-token"},
                                            {"url", "https://gw.example.com:8443/v1/webhooks/twilio/acme/sms"},
                                            {"params", asParams(posted)}});
    QCOMPARE(headerOf(*request, "X-Twilio-Signature"), expected);
    const auto voice = signedDelivery(delivery(DeliveryFormat::TwilioVoice, QStringLiteral("twilio-token")));
    QVERIFY(voice.has_value());
    QCOMPARE(voice->path, QStringLiteral("/v1/webhooks/twilio/acme/voice"));
}

void ConsoleWebhookSigningTest::whatsAppDeliverySignsTheRawBody()
{
    const ProviderDelivery batch = delivery(DeliveryFormat::WhatsApp, QStringLiteral("app-secret"));
    const auto request = signedDelivery(batch);
    QVERIFY(request.has_value());
    QCOMPARE(request->path, QStringLiteral("/v1/webhooks/whatsapp/acme"));
    QCOMPARE(request->body, batch.payload);
    QCOMPARE(request->contentType, QByteArray("application/json"));
    QCOMPARE(headerOf(*request, "X-Hub-Signature-256"),
             byProvider({{"provider", "meta"}, {"appSecret", "app-secret"}, {"body", batch.payload.toStdString()}}));
}

void ConsoleWebhookSigningTest::standardDeliveryGivesTheSameIdToTheSameBody()
{
    const ProviderDelivery message = delivery(DeliveryFormat::StandardWebhooks, kStandardSecret);
    const auto first = signedDelivery(message);
    QVERIFY(first.has_value());
    QCOMPARE(first->path, QStringLiteral("/v1/webhooks/standard/acme/chat"));
    QCOMPARE(first->body, message.payload);
    const QByteArray id = headerOf(*first, "webhook-id");
    QVERIFY(id.startsWith("msg_"));
    QCOMPARE(headerOf(*first, "webhook-timestamp"), QByteArray("1767225600"));
    QCOMPARE(headerOf(*first, "webhook-signature"), byProvider({{"provider", "standard"},
                                                                {"secret", kStandardSecret.toStdString()},
                                                                {"id", id.toStdString()},
                                                                {"timestamp", message.timestamp},
                                                                {"body", message.payload.toStdString()}}));
    // A retry of one body is one message to the gateway; another body is another.
    QCOMPARE(headerOf(*signedDelivery(message), "webhook-id"), id);
    ProviderDelivery other = message;
    other.payload = deliverySample(DeliveryFormat::StandardWebhooks, QStringLiteral("chat"));
    QVERIFY(headerOf(*signedDelivery(other), "webhook-id") != id);
}

void ConsoleWebhookSigningTest::standardSecretWithoutPrefixOrBase64IsRefused_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<DeliveryProblem>("problem");
    QTest::newRow("no prefix") << QStringLiteral("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                               << DeliveryProblem::StandardSecretWithoutPrefix;
    QTest::newRow("prefix in the wrong case") << QStringLiteral("WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                                              << DeliveryProblem::StandardSecretWithoutPrefix;
    QTest::newRow("prefix only") << QStringLiteral("whsec_") << DeliveryProblem::StandardSecretNotBase64;
    QTest::newRow("not base64") << QStringLiteral("whsec_not*base64!") << DeliveryProblem::StandardSecretNotBase64;
    QTest::newRow("non-ASCII") << QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSé")
                               << DeliveryProblem::StandardSecretNotBase64;
}

void ConsoleWebhookSigningTest::standardSecretWithoutPrefixOrBase64IsRefused()
{
    QFETCH(QString, secret);
    QFETCH(DeliveryProblem, problem);
    const auto request = signedDelivery(delivery(DeliveryFormat::StandardWebhooks, secret));
    QVERIFY(!request.has_value());
    QCOMPARE(request.error(), problem);
}

void ConsoleWebhookSigningTest::emptySecretIsRefusedForEveryProvider()
{
    for (const DeliveryFormat format : {DeliveryFormat::TwilioSms, DeliveryFormat::TwilioVoice, DeliveryFormat::WhatsApp,
                                        DeliveryFormat::StandardWebhooks}) {
        const auto request = signedDelivery(delivery(format, QString()));
        QVERIFY(!request.has_value());
        QCOMPARE(request.error(), DeliveryProblem::EmptySecret);
    }
}

void ConsoleWebhookSigningTest::twilioDraftThatIsNoObjectOfStringsIsRefused()
{
    for (const QByteArray& draft : {QByteArray("MessageSid=SM1&From=%2B1"), QByteArray(R"(["From"])"),
                                    QByteArray(R"({"From":"+14155550123","NumMedia":0})"), QByteArray()}) {
        ProviderDelivery sms = delivery(DeliveryFormat::TwilioSms, QStringLiteral("token"));
        sms.payload = draft;
        const auto request = signedDelivery(sms);
        QVERIFY2(!request.has_value(), draft.constData());
        QCOMPARE(request.error(), DeliveryProblem::TwilioFieldsNotStrings);
    }
}

void ConsoleWebhookSigningTest::twilioPublicUrlMustBeHttpWithAHost()
{
    for (const QString& url : {QString(), QStringLiteral("gw.example.com"), QStringLiteral("ftp://gw.example.com"),
                               QStringLiteral("https://")}) {
        ProviderDelivery sms = delivery(DeliveryFormat::TwilioSms, QStringLiteral("token"));
        sms.publicUrl = QUrl(url);
        const auto request = signedDelivery(sms);
        QVERIFY2(!request.has_value(), qPrintable(url));
        QCOMPARE(request.error(), DeliveryProblem::BadPublicUrl);
    }
}

void ConsoleWebhookSigningTest::samplesCarryFreshIdsEachTime()
{
    for (const DeliveryFormat format : {DeliveryFormat::TwilioSms, DeliveryFormat::TwilioVoice, DeliveryFormat::WhatsApp,
                                        DeliveryFormat::StandardWebhooks}) {
        const QByteArray first = deliverySample(format, QStringLiteral("sms"));
        const QByteArray second = deliverySample(format, QStringLiteral("sms"));
        QVERIFY(QJsonDocument::fromJson(first).isObject());
        const QString id = deliveryMessageId(format, first);
        QVERIFY2(!id.isEmpty(), first.constData());
        QVERIFY(id != deliveryMessageId(format, second));
    }
    const QJsonObject sms = QJsonDocument::fromJson(deliverySample(DeliveryFormat::TwilioSms, {})).object();
    QVERIFY(sms.value(QLatin1String("MessageSid")).toString().startsWith(QLatin1String("SM")));
    QCOMPARE(sms.value(QLatin1String("SmsSid")), sms.value(QLatin1String("MessageSid")));
    QVERIFY(deliveryMessageId(DeliveryFormat::TwilioVoice, deliverySample(DeliveryFormat::TwilioVoice, {}))
                .startsWith(QLatin1String("CA")));
    QVERIFY(deliveryMessageId(DeliveryFormat::WhatsApp, deliverySample(DeliveryFormat::WhatsApp, {}))
                .startsWith(QLatin1String("wamid.")));
}

void ConsoleWebhookSigningTest::freshIdsLeaveTheRestOfTheDraft()
{
    const QByteArray draft = deliverySample(DeliveryFormat::TwilioSms, {});
    const QByteArray renewed = withFreshMessageIds(DeliveryFormat::TwilioSms, draft);
    QJsonObject before = QJsonDocument::fromJson(draft).object();
    QJsonObject after = QJsonDocument::fromJson(renewed).object();
    QVERIFY(before.value(QLatin1String("MessageSid")) != after.value(QLatin1String("MessageSid")));
    for (const char* id : {"MessageSid", "SmsSid", "SmsMessageSid"}) {
        before.remove(QLatin1String(id));
        after.remove(QLatin1String(id));
    }
    QCOMPARE(after, before);
    const QByteArray batch = "{\"entry\":[{\"id\":\"wamid.A=\"},{\"id\":\"wamid.A=\"},{\"id\":\"102290129340398\"}]}";
    const QJsonArray entries =
        QJsonDocument::fromJson(withFreshMessageIds(DeliveryFormat::WhatsApp, batch)).object().value("entry").toArray();
    QVERIFY(entries.at(0).toObject().value("id") != entries.at(1).toObject().value("id"));
    QVERIFY(entries.at(0).toObject().value("id").toString().startsWith(QLatin1String("wamid.")));
    QCOMPARE(entries.at(2).toObject().value("id").toString(), QStringLiteral("102290129340398"));
}

QTEST_GUILESS_MAIN(ConsoleWebhookSigningTest)
#include "tst_console_webhook_signing.moc"
