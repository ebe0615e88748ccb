-- Admits one inbound message in one atomic step (API.md section 3, "Guarantees"):
-- refill and take from the tenant's token bucket, check the idempotency key,
-- enqueue the event, count the outcome. Key layout: docs/redis-keys.md.
-- Runs after token_bucket.lua, which sets tenant, capacity, rate, time,
-- nowUs, stored, tokens and statsKey.
--
-- KEYS[1] mccig:bucket:{tenant}   KEYS[2] mccig:idem:{tenant}:{channel}:{providerMessageId}
-- KEYS[3] mccig:events            KEYS[4] mccig:tenant:{tenant}         KEYS[5] mccig:tenants
-- ARGV[1] tenant  ARGV[2] capacity  ARGV[3] refillPerSecond  ARGV[4] idempotency TTL (s)
-- ARGV[5] event id  ARGV[6] event JSON
-- Returns {verdict, eventId, remainingTokens, secondsUntilFull, retryAfterMs},
-- verdict one of "accepted", "duplicate", "rate_limited".

local function count(metric)
  -- A field's first increment is when its second's key may be new: only then
  -- does the key need its expiry (and a new bucket is a tenant's first request).
  if redis.call('HINCRBY', statsKey, metric, 1) == 1 then
    redis.call('EXPIRE', statsKey, 3900)
  end
  redis.call('HINCRBY', statsKey, 't:' .. tenant .. ':' .. metric, 1)
  redis.call('HINCRBY', KEYS[4], metric, 1)
  if not stored[2] then
    redis.call('SADD', KEYS[5], tenant)
  end
end

local function saveBucket()
  redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'updatedUs', nowUs,
             'capacity', ARGV[2], 'refillPerSecond', ARGV[3])
end

local function secondsUntilFull()
  return math.ceil((capacity - tokens) / rate)
end

if tokens < 1 then
  saveBucket()
  count('rateLimited')
  return {'rate_limited', '', 0, secondsUntilFull(), math.ceil((1 - tokens) / rate * 1000)}
end

tokens = tokens - 1
saveBucket()

local firstId = redis.call('GET', KEYS[2])
if firstId then
  count('duplicate')
  return {'duplicate', firstId, math.floor(tokens), secondsUntilFull(), 0}
end

-- Enqueue before recording the key: if XADD fails, no idempotency record is left.
redis.call('XADD', KEYS[3], '*', 'event', ARGV[6], 'attempts', '0', 'failures', '[]')
redis.call('SET', KEYS[2], ARGV[5], 'EX', ARGV[4])
count('accepted')
return {'accepted', ARGV[5], math.floor(tokens), secondsUntilFull(), 0}
