#include "queue_scripts.h"

namespace mccig {
namespace {

// Shared prologue: Redis time in ms, a counter bump in this second's stats
// hash, and the trimming every settlement ends with.
constexpr const char* kPrologue = R"(
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function count(field, n)
  if n <= 0 then return end
  local key = 'mccig:stats:' .. redis.call('TIME')[1]
  redis.call('HINCRBY', key, field, n)
  redis.call('EXPIRE', key, 3900)
end
-- The id just after `id` (ids order by milliseconds, then sequence).
local function nextId(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return ms .. '-' .. string.format('%d', tonumber(seq) + 1)
end
-- Removes the entries the group is done with: those older than its oldest
-- pending entry or, with nothing pending, everything delivered. One XTRIM
-- drops whole stream nodes, where XDEL paid per entry.
local function trimSettled(stream, group)
  local pending = redis.call('XPENDING', stream, group)
  if pending[1] > 0 then
    redis.call('XTRIM', stream, 'MINID', pending[2])
    return
  end
  for _, info in ipairs(redis.call('XINFO', 'GROUPS', stream)) do
    local fields = {}
    for i = 1, #info, 2 do fields[info[i]] = info[i + 1] end
    if fields['name'] == group then
      redis.call('XTRIM', stream, 'MINID', nextId(fields['last-delivered-id']))
    end
  end
end
)";

RedisScript withPrologue(const char* body) { return RedisScript(std::string(kPrologue) + body); }

} // namespace

const RedisScript& acknowledgeScript()
{
    static const RedisScript script = withPrologue(R"(
-- In slices: Lua's unpack() refuses more than about 8000 values at once.
local settled = 0
for first = 2, #ARGV, 1000 do
  settled = settled + redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, first, math.min(first + 999, #ARGV)))
end
if settled == 0 then return 0 end
trimSettled(KEYS[1], ARGV[1])
count('persisted', settled)
return settled
)");
    return script;
}

const RedisScript& retryScript()
{
    static const RedisScript script = withPrologue(R"(
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], nowMs() + tonumber(ARGV[4]), ARGV[3])
trimSettled(KEYS[1], ARGV[1])
count('retried', 1)
return 1
)");
    return script;
}

const RedisScript& deadLetterScript()
{
    static const RedisScript script = withPrologue(R"(
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
redis.call('ZADD', KEYS[3], tonumber(ARGV[5]), ARGV[3])
trimSettled(KEYS[1], ARGV[1])
count('deadLettered', 1)
return 1
)");
    return script;
}

// A retry member is written as {"attempts":N,"failures":[...],"event":{...}}
// with the event last, so the script cuts it apart without re-encoding the
// event (cjson would turn [] into {} and round large numbers).
const RedisScript& releaseScript()
{
    static const RedisScript script = withPrologue(R"(
local now = nowMs()
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
for _, member in ipairs(due) do
  local cut = string.find(member, ',"event":', 1, true)
  local attempts = string.match(member, '^{"attempts":(%d+),"failures":')
  if cut and attempts then
    local failures = string.sub(member, string.len('{"attempts":' .. attempts .. ',"failures":') + 1, cut - 1)
    local event = string.sub(member, cut + 9, -2)
    redis.call('XADD', KEYS[2], '*', 'event', event, 'attempts', attempts, 'failures', failures)
  else
    redis.call('XADD', KEYS[2], '*', 'event', member, 'attempts', '0', 'failures', '[]')
  end
  redis.call('ZREM', KEYS[1], member)
end
local nextDue = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local wait = -1
if nextDue[2] then wait = math.max(0, tonumber(nextDue[2]) - now) end
return {#due, wait}
)");
    return script;
}

const RedisScript& replayScript()
{
    static const RedisScript script(R"(
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('XADD', KEYS[3], '*', 'event', ARGV[3], 'attempts', '0', 'failures', '[]')
return 1
)");
    return script;
}

const RedisScript& removeDeadLetterScript()
{
    static const RedisScript script(R"(
local removed = redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return removed
)");
    return script;
}

// XINFO CONSUMERS answers each consumer as a flat name/value list.
const RedisScript& removeIdleConsumersScript()
{
    static const RedisScript script(R"(
local ok, consumers = pcall(redis.call, 'XINFO', 'CONSUMERS', KEYS[1], ARGV[1])
if not ok then return {} end
local removed = {}
for _, consumer in ipairs(consumers) do
  local info = {}
  for i = 1, #consumer, 2 do info[consumer[i]] = consumer[i + 1] end
  if info['pending'] == 0 and info['idle'] > tonumber(ARGV[2]) then
    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name'])
    removed[#removed + 1] = info['name']
  end
end
return removed
)");
    return script;
}

} // namespace mccig
