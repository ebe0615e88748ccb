// Whatever the validator accepts, PostgreSQL can store: generated bodies,
// valid ones and wild ones (U+0000, lone surrogates, control characters,
// numbers at and past every limit), go the way a message goes (validation,
// event JSON as queued, the worker's COPY row) into a real database.
#include "mccig/core/uuid.h"
#include "mccig/domain/conversation_event.h"
#include "mccig/postgres/event_row_writer.h"
#include "mccig/postgres/migrations.h"
#include "mccig/postgres/postgres_event_repository.h"
#include "mccig/validation/message_validator.h"
#include "test_services.h"

#include <QtTest>

#include <random>
#include <string>
#include <vector>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

constexpr auto kTimeout = 5000ms;

// Builds JSON text by hand, so it can hold what a JSON library would not
// write: lone surrogate escapes, 1e400, integers past 64 bits.
class BodyGenerator {
public:
    BodyGenerator(unsigned seed, bool wild) : m_random(seed), m_wild(wild) {}

    std::string body(Channel channel, const std::string& id)
    {
        std::string text = R"({"providerMessageId":")" + id + "\"";
        if (channel == Channel::Chat) {
            text += R"(,"conversationId":)" + string(1, 128) + R"(,"sender":{"id":)" + string(1, 128)
                    + R"(,"name":)" + string(0, 256) + R"(},"text":)" + string(1, 4096);
        } else {
            text += R"(,"from":"+14155550123","to":"+14155550124")";
            text += channel == Channel::Sms ? R"(,"body":)" + string(1, 1600)
                                            : R"(,"direction":"inbound","status":"completed","durationSeconds":7)"
                                              R"(,"transcript":)" + string(0, 20000);
        }
        if (chance(0.8))
            text += R"(,"metadata":)" + object(0);
        return text + "}";
    }

private:
    bool chance(double p) { return std::bernoulli_distribution(p)(m_random); }
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }

    // One character as JSON string content, from every class that matters.
    std::string character()
    {
        static const std::vector<std::string> kPlain{"a", "Z", "0", " ", "\\\"", "\\\\", "/", "\\/", "é", "✓",
                                                     "\\u00e9", "\\ud83d\\ude00", "😀", "\\n", "\\t", "\\u0001",
                                                     "\\u001f", "\\u007f", "\\u2028", "\\uffff", "{", ","};
        static const std::vector<std::string> kWild{"\\u0000", "\\ud800", "\\udfff", "\\ud83d", "\\udc00x"};
        if (m_wild && chance(0.05))
            return kWild[static_cast<std::size_t>(between(0, int(kWild.size()) - 1))];
        return kPlain[static_cast<std::size_t>(between(0, int(kPlain.size()) - 1))];
    }

    std::string string(int minLength, int maxLength)
    {
        const int length = between(minLength, std::min(maxLength, minLength + 12));
        std::string text = "\"";
        for (int i = 0; i < length; ++i)
            text += character();
        return text + "\"";
    }

    std::string number()
    {
        static const std::vector<std::string> kNumbers{"0", "-0", "-0.0", "1", "-1", "0.5", "1e308", "-1e308",
                                                       "2.2250738585072014e-308", "5e-324", "1e-400",
                                                       "9223372036854775807", "-9223372036854775808",
                                                       "18446744073709551615", "123456.789e3", "1E2"};
        static const std::vector<std::string> kWild{"1e400", "-1e400", "18446744073709551616",
                                                    "-9223372036854775809", "1180591620717411303424"};
        if (m_wild && chance(0.05))
            return kWild[static_cast<std::size_t>(between(0, int(kWild.size()) - 1))];
        return kNumbers[static_cast<std::size_t>(between(0, int(kNumbers.size()) - 1))];
    }

    std::string value(int depth)
    {
        switch (between(0, depth < 6 ? 6 : 4)) {
        case 0: return string(0, 20);
        case 1: return number();
        case 2: return chance(0.5) ? "true" : "false";
        case 3: return "null";
        case 4: return string(0, 5);
        case 5: return object(depth + 1);
        default: {
            std::string text = "[";
            for (int i = between(0, 3); i > 0; --i)
                text += value(depth + 1) + (i > 1 ? "," : "");
            return text + "]";
        }
        }
    }

    std::string object(int depth)
    {
        std::string text = "{";
        for (int i = between(0, 4); i > 0; --i)
            text += string(0, 8) + ":" + value(depth) + (i > 1 ? "," : "");
        return text + "}";
    }

    std::mt19937 m_random;
    bool m_wild;
};

} // namespace

class StorableInputTest final : public QObject {
    Q_OBJECT

private:
    std::string m_url;
    std::unique_ptr<PostgresEventRepository> m_repository;
    EventRowWriter m_writer;

    // Validates `text`; when accepted, queues it as the gateway would and
    // stores it. Returns whether it was accepted; a failure to store fails the test.
    bool acceptAndStore(Channel channel, const std::string& text, const std::string& tenant)
    {
        const auto body = MessageBody::parse(text);
        if (!body)
            return false;
        auto validated = validateMessage(channel, *body);
        if (!validated)
            return false;
        ConversationEvent event;
        event.id = newUuidV7();
        event.tenantId = tenant;
        event.providerMessageId = validated->providerMessageId;
        event.channel = channel;
        event.content = validated->content;
        event.rawMetadata = validated->rawMetadata;
        event.createdAt = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
        std::string rows;
        const auto written = m_writer.append(toJsonText(event), rows);
        if (!written)
            qFatal("accepted but not writable: %s\n%s", written.error().message.c_str(), text.c_str());
        QueuedMessage queued;
        queued.eventText = toJsonText(event);
        const auto stored = m_repository->storeQueued(std::span<const QueuedMessage>(&queued, 1));
        if (!stored || !stored->unreadable.empty() || stored->stored != 1)
            qFatal("accepted but not stored: %s\n%s",
                   !stored ? stored.error().message.c_str() : "unreadable as queued, or no new row", text.c_str());
        return true;
    }

private slots:
    void initTestCase()
    {
        m_url = test::freshDatabaseUrl("mccig_storable_input").toStdString();
        QVERIFY(applyMigrations(m_url, kTimeout).has_value());
        m_repository = std::make_unique<PostgresEventRepository>(m_url, kTimeout);
    }

    void generatedValidBodiesAreAcceptedAndStored()
    {
        BodyGenerator generator(20261128, false);
        int index = 0;
        for (const Channel channel : {Channel::Sms, Channel::Chat, Channel::Voice}) {
            for (int i = 0; i < 150; ++i) {
                const std::string text = generator.body(channel, "valid-" + std::to_string(index++));
                QVERIFY2(acceptAndStore(channel, text, "valid"), text.c_str());
            }
        }
    }

    void everyAcceptedWildBodyIsStored()
    {
        BodyGenerator generator(7, true);
        int accepted = 0;
        int refused = 0;
        int index = 0;
        for (const Channel channel : {Channel::Sms, Channel::Chat, Channel::Voice}) {
            for (int i = 0; i < 300; ++i) {
                const std::string text = generator.body(channel, "wild-" + std::to_string(index++));
                (acceptAndStore(channel, text, "wild") ? accepted : refused) += 1;
            }
        }
        // Both sides of the rule were exercised.
        QVERIFY2(accepted > 100 && refused > 100, qPrintable(QStringLiteral("%1 / %2").arg(accepted).arg(refused)));
    }
};

QTEST_GUILESS_MAIN(StorableInputTest)
#include "storable_input_test.moc"
