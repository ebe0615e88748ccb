-- Counts a request of a known tenant refused before admission (invalid,
-- forbidden, too large...) and reads its token bucket without taking a token.
-- Key layout: docs/redis-keys.md.
--
-- KEYS[1] mccig:bucket:{tenant}  KEYS[2] mccig:tenant:{tenant}  KEYS[3] mccig:tenants
-- ARGV[1] tenant  ARGV[2] capacity  ARGV[3] refillPerSecond
-- Returns {remainingTokens, secondsUntilFull}.

local tenant = ARGV[1]
local capacity = tonumber(ARGV[2])
local rate = tonumber(ARGV[3])

local time = redis.call('TIME')
local nowUs = tonumber(time[1]) * 1000000 + tonumber(time[2])

local stored = redis.call('HMGET', KEYS[1], 'tokens', 'updatedUs')
local tokens = capacity
if stored[1] and stored[2] then
  local elapsedUs = math.max(0, nowUs - tonumber(stored[2]))
  tokens = math.min(capacity, tonumber(stored[1]) + elapsedUs / 1e6 * rate)
end

local statsKey = 'mccig:stats:' .. time[1]
if redis.call('HINCRBY', statsKey, 'invalid', 1) == 1 then
  redis.call('EXPIRE', statsKey, 3900)
end
redis.call('HINCRBY', statsKey, 't:' .. tenant .. ':invalid', 1)
redis.call('HINCRBY', KEYS[2], 'invalid', 1)
redis.call('SADD', KEYS[3], tenant)

return {math.floor(tokens), math.ceil((capacity - tokens) / rate)}
