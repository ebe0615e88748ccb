#include "mccig/redis/redis_admission_gate.h"

#include "admission_scripts.h"

#include "mccig/core/byte_words.h"
#include "mccig/redis/admission_counters.h"
#include "mccig/redis/event_stream.h"
#include "mccig/redis/idempotency_record.h"
#include "mccig/redis/redis_async_connection.h"
#include "mccig/redis/redis_keys.h"
#include "redis_refusal.h"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <iterator>
#include <optional>
#include <utility>

namespace mccig {
namespace {

// A decimal rendering in a stack buffer, for script arguments.
class NumberText {
public:
    explicit NumberText(double value) { m_end = std::to_chars(m_buffer.data(), m_buffer.data() + m_buffer.size(), value).ptr; }
    explicit NumberText(long long value) { m_end = std::to_chars(m_buffer.data(), m_buffer.data() + m_buffer.size(), value).ptr; }
    std::string_view view() const { return {m_buffer.data(), static_cast<size_t>(m_end - m_buffer.data())}; }

private:
    std::array<char, 32> m_buffer{};
    char* m_end = nullptr;
};

Error unexpectedAnswer(std::string_view script)
{
    return Error{ErrorKind::Internal, "redis: unexpected answer from the " + std::string(script) + " script"};
}

// A script error is a fault of ours, not of the request: Internal. Outages pass through.
Error scriptFailure(Error error)
{
    if (error.kind == ErrorKind::Rejected)
        error.kind = ErrorKind::Internal;
    return error;
}

BucketSnapshot snapshot(double capacity, long long remaining, long long secondsUntilFull)
{
    return BucketSnapshot{capacity, static_cast<long>(remaining), std::chrono::seconds(secondsUntilFull)};
}

bool isIntegerArray(const RedisReply& reply, size_t size)
{
    return reply.isArray() && reply.elements.size() == size
           && std::ranges::all_of(reply.elements, &RedisReply::isInteger);
}

// What an admission's caller needs back, kept while its call is in flight.
struct Answer {
    AdmissionGate::DecisionCallback done;
    double capacity = 0;
    std::string tenant;
};

AdmissionOutcome outcomeOf(AdmissionVerdict verdict)
{
    switch (verdict) {
    case AdmissionVerdict::Accepted:
        return AdmissionOutcome::Accepted;
    case AdmissionVerdict::Duplicate:
        return AdmissionOutcome::Duplicate;
    case AdmissionVerdict::RateLimited:
        return AdmissionOutcome::RateLimited;
    }
    return AdmissionOutcome::Accepted;
}

// The big-endian 64-bit integer at `bytes`.
long long bigEndianAt(const char* bytes)
{
    const std::uint64_t word = wordAt(bytes);
    return static_cast<long long>(std::endian::native == std::endian::little ? std::byteswap(word) : word);
}

// An admission's answer starts with the verdict's letter and four big-endian
// 64-bit integers (admission.lua's `answer`).
constexpr std::size_t kHeadBytes = 1 + 4 * 8;

// The answer of a call that ran past its deadline (admission.lua's lateAnswer).
bool ranLate(const RedisReply& reply)
{
    return reply.isString() && reply.text.size() == 1 + 8 && reply.text[0] == 'x';
}

Error lateCall()
{
    return Error{ErrorKind::Timeout, "redis: the admission call ran after its deadline and admitted nothing"};
}

// Redis's clock (microseconds since the epoch) in an admission's answer or a
// late call's; a batch's answers all have the one its first has.
std::optional<long long> redisClockOf(const RedisReply& reply)
{
    const RedisReply& answer = reply.isArray() && !reply.elements.empty() ? reply.elements.front() : reply;
    if (ranLate(answer))
        return bigEndianAt(answer.text.data() + 1);
    if (answer.isString() && answer.text.size() >= kHeadBytes)
        return bigEndianAt(answer.text.data() + 1 + 3 * 8);
    return std::nullopt;
}

// One admission's answer, counted: the verdict's letter, four big-endian
// 64-bit integers (remaining tokens, seconds until full, retry after in ms,
// Redis's clock in microseconds), then the event id. Or the batch script's
// {'error', message}, or a late call's answer.
Result<AdmissionDecision> decide(const RedisReply& reply, const Answer& answer, AdmissionCounters& counters)
{
    if (ranLate(reply))
        return std::unexpected(lateCall());
    if (reply.isArray() && reply.elements.size() == 2 && reply.elements[0].isString()
        && reply.elements[0].text == "error") {
        auto refused = scriptFailure(redisRefusal(reply.elements[1].text));
        refused.message = "redis: admission refused: " + refused.message;
        return std::unexpected(std::move(refused));
    }
    if (!reply.isString() || reply.text.size() < kHeadBytes)
        return std::unexpected(unexpectedAnswer("admit"));
    const std::string_view text = reply.text;
    AdmissionDecision decision;
    switch (text[0]) {
    case 'a':
        decision.verdict = AdmissionVerdict::Accepted;
        break;
    case 'd':
        decision.verdict = AdmissionVerdict::Duplicate;
        break;
    case 'r':
        decision.verdict = AdmissionVerdict::RateLimited;
        break;
    default:
        return std::unexpected(unexpectedAnswer("admit"));
    }
    if (decision.verdict != AdmissionVerdict::RateLimited) {
        auto eventId = eventIdOfRecord(text.substr(kHeadBytes));
        if (!eventId)
            return std::unexpected(unexpectedAnswer("admit"));
        decision.eventId = std::move(*eventId);
    }
    const auto integer = [&text](int index) { return bigEndianAt(text.data() + 1 + 8 * index); };
    decision.bucket = snapshot(answer.capacity, integer(0), integer(1));
    decision.retryAfter = std::chrono::milliseconds(integer(2));
    counters.count(integer(3) / 1'000'000, answer.tenant, outcomeOf(decision.verdict));
    return decision;
}

} // namespace

RedisAdmissionGate::RedisAdmissionGate(boost::asio::io_context& io, RedisEndpoint endpoint,
                                       std::chrono::milliseconds backendTimeout,
                                       std::shared_ptr<AdmissionCounters> counters,
                                       std::shared_ptr<AdmissionBatchTally> batchSizes, std::size_t batchMax)
    : m_io(io), m_connection(RedisAsyncConnection::create(io, std::move(endpoint), backendTimeout)),
      m_counters(std::move(counters)), m_batchSizes(std::move(batchSizes)),
      m_admitScript(std::string(kAdmitScriptSource)),
      m_admitBatchScript(std::string(kAdmitBatchScriptSource)),
      m_recordRejectedScript(std::string(kRecordRejectedScriptSource)), m_batchMax(std::max<std::size_t>(1, batchMax)),
      m_backendTimeout(backendTimeout),
      m_deadlineMargin(std::min<std::chrono::microseconds>(backendTimeout / 4, std::chrono::milliseconds(250))),
      // Learning only from answers within the margin keeps the estimate's
      // error (half a round trip) inside the margin.
      m_redisClock(m_deadlineMargin)
{
}

long long RedisAdmissionGate::callDeadline() const
{
    auto givenUpAt = RedisClockOffset::Clock::now() + m_backendTimeout;
    if (const auto earlier = m_connection->oldestDeadline())
        givenUpAt = std::min(givenUpAt, *earlier);
    return m_redisClock.inRedisClock(givenUpAt - m_deadlineMargin);
}

RedisAdmissionGate::~RedisAdmissionGate() = default;

void RedisAdmissionGate::admit(const AdmissionRequest& request, DecisionCallback done)
{
    const ConversationEvent& event = request.event;
    Waiting admission;
    admission.bucketKey.assign(kBucketPrefix).append(event.tenantId);
    admission.idempotencyKey = idempotencyRecordKey(event.tenantId, event.channel, event.providerMessageId);
    admission.textIdempotencyKey = textIdempotencyKey(event.tenantId, event.channel, event.providerMessageId);
    admission.tenant = event.tenantId;
    admission.capacity = NumberText(request.rateLimit.capacity).view();
    admission.refillPerSecond = NumberText(request.rateLimit.refillPerSecond).view();
    admission.ttl = NumberText(static_cast<long long>(request.idempotencyTtl.count())).view();
    admission.eventId = eventIdBytes(event.id).value_or(event.id);
    admission.json = toJsonText(event);
    admission.capacityValue = request.rateLimit.capacity;
    admission.done = std::move(done);
    m_waiting.push_back(std::move(admission));

    if (m_waiting.size() >= m_batchMax) {
        sendWaiting();
    } else if (m_callsInFlight == 0 && !m_sendPosted) {
        // What else arrives in this turn of the loop goes in the same call.
        m_sendPosted = true;
        boost::asio::post(m_io, [this, alive = std::weak_ptr<int>(m_lifetime)] {
            if (alive.expired())
                return;
            m_sendPosted = false;
            if (m_callsInFlight == 0)
                sendWaiting();
        });
    }
}

// Sends everything waiting, in calls of at most m_batchMax admissions.
void RedisAdmissionGate::sendWaiting()
{
    auto waiting = std::move(m_waiting);
    m_waiting.clear();
    for (std::size_t from = 0; from < waiting.size(); from += m_batchMax) {
        const std::size_t to = std::min(waiting.size(), from + m_batchMax);
        if (to - from == 1) {
            sendOne(std::move(waiting[from]));
            continue;
        }
        std::vector<Waiting> batch(std::make_move_iterator(waiting.begin() + static_cast<std::ptrdiff_t>(from)),
                                   std::make_move_iterator(waiting.begin() + static_cast<std::ptrdiff_t>(to)));
        sendBatch(std::move(batch));
    }
}

void RedisAdmissionGate::sendOne(Waiting admission)
{
    const std::array<std::string_view, 4> keys{admission.bucketKey, admission.idempotencyKey,
                                               admission.textIdempotencyKey, kEventStreamKey};
    const auto sent = RedisClockOffset::Clock::now();
    const NumberText deadline(callDeadline());
    const std::array<std::string_view, 6> args{admission.capacity, admission.refillPerSecond, admission.ttl,
                                               admission.eventId, admission.json, deadline.view()};
    ++m_callsInFlight;
    m_batchSizes->record(1);
    m_connection->evaluate(m_admitScript, keys, args,
                           [this, alive = std::weak_ptr<int>(m_lifetime), counters = m_counters, sent,
                            answer = Answer{std::move(admission.done), admission.capacityValue,
                                            std::move(admission.tenant)}](Result<RedisReply> reply) {
                               if (!alive.expired())
                                   onCallAnswered(sent, reply);
                               if (!reply)
                                   answer.done(std::unexpected(scriptFailure(std::move(reply.error()))));
                               else
                                   answer.done(decide(*reply, answer, *counters));
                           });
}

void RedisAdmissionGate::sendBatch(std::vector<Waiting> batch)
{
    const auto sent = RedisClockOffset::Clock::now();
    const NumberText deadline(callDeadline());
    std::vector<std::string_view> keys{kEventStreamKey};
    std::vector<std::string_view> args{deadline.view()};
    keys.reserve(1 + 3 * batch.size());
    args.reserve(1 + 5 * batch.size());
    for (const Waiting& admission : batch) {
        keys.insert(keys.end(), {admission.bucketKey, admission.idempotencyKey, admission.textIdempotencyKey});
        args.insert(args.end(), {admission.capacity, admission.refillPerSecond, admission.ttl, admission.eventId,
                                 admission.json});
    }
    std::vector<Answer> answers;
    answers.reserve(batch.size());
    for (Waiting& admission : batch)
        answers.push_back(Answer{std::move(admission.done), admission.capacityValue, std::move(admission.tenant)});

    ++m_callsInFlight;
    m_batchSizes->record(answers.size());
    m_connection->evaluate(m_admitBatchScript, keys, args,
                           [this, alive = std::weak_ptr<int>(m_lifetime), counters = m_counters, sent,
                            answers = std::move(answers)](Result<RedisReply> reply) {
                               if (!alive.expired())
                                   onCallAnswered(sent, reply);
                               const bool wellFormed =
                                   reply && reply->isArray() && reply->elements.size() == answers.size();
                               for (std::size_t i = 0; i < answers.size(); ++i) {
                                   if (!reply)
                                       answers[i].done(std::unexpected(scriptFailure(reply.error())));
                                   else if (ranLate(*reply))
                                       answers[i].done(std::unexpected(lateCall()));
                                   else if (!wellFormed)
                                       answers[i].done(std::unexpected(unexpectedAnswer("admit_batch")));
                                   else
                                       answers[i].done(decide(reply->elements[i], answers[i], *counters));
                               }
                           });
}

// The admissions that arrived during the call go now, before the answers are
// delivered (their callbacks may admit more, which then wait for this call),
// with what the answer tells of Redis's clock.
void RedisAdmissionGate::onCallAnswered(RedisClockOffset::Clock::time_point sent, const Result<RedisReply>& reply)
{
    if (reply)
        if (const auto redisMicros = redisClockOf(*reply))
            m_redisClock.learn(sent, RedisClockOffset::Clock::now(), *redisMicros, ranLate(*reply));
    --m_callsInFlight;
    if (!m_waiting.empty())
        sendWaiting();
}

void RedisAdmissionGate::recordRejected(const std::string& tenantId, const RateLimitPolicy& rateLimit,
                                        SnapshotCallback done)
{
    m_bucketKey.assign(kBucketPrefix).append(tenantId);
    const std::array<std::string_view, 1> keys{m_bucketKey};
    const double capacity = rateLimit.capacity;
    const NumberText capacityText(capacity);
    const NumberText rateText(rateLimit.refillPerSecond);
    const std::array<std::string_view, 2> args{capacityText.view(), rateText.view()};

    m_connection->evaluate(m_recordRejectedScript, keys, args,
                           [done = std::move(done), capacity, counters = m_counters,
                            tenant = tenantId](Result<RedisReply> reply) {
                               if (!reply) {
                                   done(std::unexpected(scriptFailure(std::move(reply.error()))));
                               } else if (!isIntegerArray(*reply, 3)) {
                                   done(std::unexpected(unexpectedAnswer("record_rejected")));
                               } else {
                                   counters->count(reply->elements[2].integer, tenant, AdmissionOutcome::Invalid);
                                   done(snapshot(capacity, reply->elements[0].integer, reply->elements[1].integer));
                               }
                           });
}

} // namespace mccig
