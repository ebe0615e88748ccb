// Conformance (both backends): the stored webhook secrets. Several per tenant
// and provider at once, listed without their values, removed one by one.
#include "backend_under_test.h"

#include <QtTest>

using namespace mccig;

namespace {

constexpr int kRedisDb = 18;

WebhookSecret secretOf(std::string id, std::string tenant, WebhookProvider provider, std::string value,
                       std::string createdAt)
{
    return WebhookSecret{{std::move(id), std::move(tenant), provider, std::move(createdAt)}, std::move(value)};
}

const WebhookSecret kTwilio = secretOf("00000000000000a1", "acme", WebhookProvider::Twilio, "twilio-token",
                                       "2026-01-01T00:00:01.000Z");
const WebhookSecret kOldStandard = secretOf("00000000000000b2", "acme", WebhookProvider::Standard,
                                            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "2026-01-01T00:00:02.000Z");
const WebhookSecret kNewStandard = secretOf("00000000000000c3", "acme", WebhookProvider::Standard,
                                            "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", "2026-01-01T00:00:03.000Z");
const WebhookSecret kVerify = secretOf("00000000000000d4", "globex", WebhookProvider::WhatsAppVerify,
                                       "verify-me", "2026-01-01T00:00:04.000Z");

} // namespace

class WebhookSecretStoreTest final : public QObject {
    Q_OBJECT

private:
    test::BackendUnderTest m_store{"mccig_webhook_secret_store", kRedisDb};
    std::shared_ptr<Backend> m_backend;

    void clearAll()
    {
        auto store = m_backend->webhookSecretStore();
        auto secrets = store->list();
        QVERIFY(secrets.has_value());
        for (const auto& entry : *secrets)
            QVERIFY(store->remove(entry.id).value_or(false));
    }

private slots:
    void initTestCase()
    {
        m_backend = m_store.open();
        QVERIFY(m_backend->prepare().has_value());
    }

    void init() { clearAll(); }

    void storedSecretsAreListedWithoutValuesOldestFirst()
    {
        auto store = m_backend->webhookSecretStore();
        for (const auto& secret : {kVerify, kNewStandard, kTwilio, kOldStandard})
            QVERIFY(store->add(secret).has_value());
        const auto listed = store->list();
        QVERIFY(listed.has_value());
        const std::vector<WebhookSecretEntry> expected{kTwilio.entry, kOldStandard.entry, kNewStandard.entry,
                                                       kVerify.entry};
        QVERIFY(*listed == expected);
    }

    void loadAllGivesEverySecretOfATenantAndProvider()
    {
        auto store = m_backend->webhookSecretStore();
        QVERIFY(store->add(kOldStandard).has_value());
        QVERIFY(store->add(kNewStandard).has_value());
        const auto loaded = m_backend->webhookSecretStore()->loadAll();
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->size(), std::size_t(2));
        QCOMPARE(loaded->at(0).secret, kOldStandard.secret);
        QCOMPARE(loaded->at(1).secret, kNewStandard.secret);
        QVERIFY(loaded->at(1).entry == kNewStandard.entry);
    }

    void anIdStoredTwiceIsRejected()
    {
        auto store = m_backend->webhookSecretStore();
        QVERIFY(store->add(kTwilio).has_value());
        auto again = kTwilio;
        again.secret = "another-token";
        const auto added = store->add(again);
        QVERIFY(!added);
        QCOMPARE(added.error().kind, ErrorKind::Rejected);
        const auto loaded = store->loadAll();
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->size(), std::size_t(1));
        QCOMPARE(loaded->front().secret, kTwilio.secret);
    }

    void removeDeletesOnlyThatSecret()
    {
        auto store = m_backend->webhookSecretStore();
        QVERIFY(store->add(kOldStandard).has_value());
        QVERIFY(store->add(kNewStandard).has_value());
        const auto removed = store->remove(kOldStandard.entry.id);
        QVERIFY(removed.has_value() && *removed);
        const auto again = store->remove(kOldStandard.entry.id);
        QVERIFY(again.has_value() && !*again);
        const auto listed = store->list();
        QVERIFY(listed.has_value());
        QCOMPARE(listed->size(), std::size_t(1));
        QVERIFY(listed->front() == kNewStandard.entry);
    }

    void anUnreachableStoreFailsAsAnOutage()
    {
        const auto unreachable = m_store.openUnreachable();
        auto store = unreachable->webhookSecretStore();
        const auto listed = store->loadAll();
        QVERIFY(!listed);
        QVERIFY2(isOutage(listed.error()), listed.error().message.c_str());
        const auto added = store->add(kTwilio);
        QVERIFY(!added);
        QVERIFY(isOutage(added.error()));
    }
};

QTEST_GUILESS_MAIN(WebhookSecretStoreTest)
#include "webhook_secret_store_test.moc"
