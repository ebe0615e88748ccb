// The parts of API key handling that need no Redis: key ids, new keys, and the
// registry the ingest path looks keys up in.
#include "ingest/api_key_registry.h"
#include "keys/api_key_generator.h"
#include "keys/api_key_id.h"
#include "numbered_id.h"

#include <QRegularExpression>
#include <QTest>

#include <atomic>
#include <set>
#include <thread>

using namespace mccig;
using namespace mccig::server;

namespace {

TenantKey keyOf(const std::string& tenant, const std::string& secret)
{
    return TenantKey{tenant, digestSecret(secret)};
}

} // namespace

class ApiKeysTest final : public QObject {
    Q_OBJECT

private slots:
    void digestHexRoundTrips()
    {
        const SecretDigest digest = digestSecret("abc");
        const std::string hex = digestHex(digest);
        QCOMPARE(hex, std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(parseDigestHex(hex), std::optional<SecretDigest>(digest));
        QCOMPARE(keyIdOf(digest), std::string("ba7816bf8f01"));
    }

    void badDigestHexIsRefused()
    {
        const std::string hex = digestHex(digestSecret("abc"));
        QVERIFY(!parseDigestHex(hex.substr(1)).has_value());
        QVERIFY(!parseDigestHex(hex + "0").has_value());
        QVERIFY(!parseDigestHex("BA" + hex.substr(2)).has_value());
        QVERIFY(!parseDigestHex("zz" + hex.substr(2)).has_value());
        QVERIFY(!parseDigestHex("").has_value());
    }

    void keyIdsAreTwelveToSixtyFourLowercaseHexDigits()
    {
        QVERIFY(isKeyId("0123456789ab"));
        QVERIFY(isKeyId(std::string(64, 'f')));
        QVERIFY(!isKeyId("0123456789a"));
        QVERIFY(!isKeyId(std::string(65, 'f')));
        QVERIFY(!isKeyId("0123456789AB"));
        QVERIFY(!isKeyId("0123456789a-"));
    }

    void generatedKeysArePrefixedHexAndDistinct()
    {
        static const QRegularExpression shape(QStringLiteral("^mk_[0-9a-f]{64}$"));
        std::set<std::string> seen;
        for (int i = 0; i < 100; ++i) {
            const auto key = generateApiKey();
            QVERIFY(key.has_value());
            QVERIFY2(shape.match(QString::fromStdString(*key)).hasMatch(), key->c_str());
            QVERIFY(seen.insert(*key).second);
        }
    }

    void bootstrapKeysAreFound()
    {
        const ApiKeyRegistry registry({keyOf("acme", "k1"), keyOf("globex", "k2")});
        QCOMPARE(registry.tenantForKey("k1"), std::optional<std::string>("acme"));
        QCOMPARE(registry.tenantForKey("k2"), std::optional<std::string>("globex"));
        QVERIFY(!registry.tenantForKey("k3").has_value());
        QVERIFY(!registry.tenantForKey("").has_value());
    }

    void storedKeysAreFoundOnceReplacedAndGoneOnceReplacedAgain()
    {
        ApiKeyRegistry registry({keyOf("acme", "boot")});
        QVERIFY(!registry.tenantForKey("stored").has_value());
        registry.replaceStoredKeys({keyOf("globex", "stored"), keyOf("initech", "other")});
        QCOMPARE(registry.tenantForKey("stored"), std::optional<std::string>("globex"));
        QCOMPARE(registry.tenantForKey("other"), std::optional<std::string>("initech"));
        QCOMPARE(registry.tenantForKey("boot"), std::optional<std::string>("acme"));
        QCOMPARE(registry.storedTenants(), (std::vector<std::string>{"globex", "initech"}));
        registry.replaceStoredKeys({keyOf("initech", "other")});
        QCOMPARE(registry.storedTenants(), std::vector<std::string>{"initech"});
        QVERIFY(!registry.tenantForKey("stored").has_value());
        QCOMPARE(registry.tenantForKey("other"), std::optional<std::string>("initech"));
        QCOMPARE(registry.tenantForKey("boot"), std::optional<std::string>("acme"));
    }

    // A lookup finds the digest in a hash table: with many keys, each still
    // finds its own tenant and nothing else matches.
    void manyKeysEachFindTheirTenant()
    {
        std::vector<TenantKey> bootstrap;
        for (int i = 0; i < 1000; ++i)
            bootstrap.push_back(keyOf(test::numberedId("boot-tenant", i), test::numberedId("boot-key", i)));
        ApiKeyRegistry registry(std::move(bootstrap));
        std::vector<TenantKey> stored;
        for (int i = 0; i < 20000; ++i)
            stored.push_back(keyOf(test::numberedId("tenant", i), test::numberedId("key", i)));
        registry.replaceStoredKeys(std::move(stored));
        for (int i = 0; i < 20000; ++i) {
            QCOMPARE(registry.tenantForKey(test::numberedId("key", i)),
                     std::optional<std::string>(test::numberedId("tenant", i)));
        }
        for (int i = 0; i < 1000; ++i) {
            QCOMPARE(registry.tenantForKey(test::numberedId("boot-key", i)),
                     std::optional<std::string>(test::numberedId("boot-tenant", i)));
        }
        for (int i = 20000; i < 21000; ++i)
            QVERIFY(!registry.tenantForKey(test::numberedId("key", i)).has_value());
        QCOMPARE(registry.storedTenants().size(), std::size_t(20000));
    }

    // One key given twice: stored over bootstrap, and of two stored, the later.
    void aKeyGivenTwiceBelongsToItsLastTenant()
    {
        ApiKeyRegistry registry({keyOf("acme", "shared"), keyOf("globex", "twice"), keyOf("initech", "twice")});
        QCOMPARE(registry.tenantForKey("twice"), std::optional<std::string>("initech"));
        QCOMPARE(registry.tenantForKey("shared"), std::optional<std::string>("acme"));
        registry.replaceStoredKeys({keyOf("umbrella", "shared"), keyOf("hooli", "again"), keyOf("vandelay", "again")});
        QCOMPARE(registry.tenantForKey("shared"), std::optional<std::string>("umbrella"));
        QCOMPARE(registry.tenantForKey("again"), std::optional<std::string>("vandelay"));
        QCOMPARE(registry.storedTenants(), (std::vector<std::string>{"umbrella", "hooli", "vandelay"}));
    }

    void lookupsDuringReplacementSeeOldOrNewKeys()
    {
        ApiKeyRegistry registry({keyOf("acme", "boot")});
        registry.replaceStoredKeys({keyOf("globex", "stored")});
        std::atomic<bool> done{false};
        std::atomic<int> wrong{0};
        std::atomic<int> lookups{0};
        std::vector<std::thread> readers;
        for (int i = 0; i < 3; ++i) {
            readers.emplace_back([&] {
                while (!done.load()) {
                    if (registry.tenantForKey("boot") != std::optional<std::string>("acme") ||
                        registry.tenantForKey("stored") != std::optional<std::string>("globex"))
                        ++wrong;
                    ++lookups;
                }
            });
        }
        // Until the readers have looked up plenty, however the threads get scheduled.
        for (int i = 0; i < 2000 || lookups.load() < 3000; ++i)
            registry.replaceStoredKeys({keyOf("initech", test::numberedId("x", i)), keyOf("globex", "stored")});
        done = true;
        for (auto& reader : readers)
            reader.join();
        QCOMPARE(wrong.load(), 0);
    }
};

QTEST_GUILESS_MAIN(ApiKeysTest)
#include "api_keys_test.moc"
