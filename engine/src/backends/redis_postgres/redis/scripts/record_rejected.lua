-- Counts a request of a known tenant refused before admission (invalid,
-- forbidden, too large...) and reads its token bucket without taking a token.
-- Key layout: docs/redis-keys.md. Runs after token_bucket.lua.
--
-- KEYS[1] mccig:bucket:{tenant}  KEYS[2] mccig:tenant:{tenant}  KEYS[3] mccig:tenants
-- ARGV[1] tenant  ARGV[2] capacity  ARGV[3] refillPerSecond
-- Returns {remainingTokens, secondsUntilFull}.

local tenant = ARGV[1]
local capacity = tonumber(ARGV[2])
local rate = tonumber(ARGV[3])
local tokens = refilledTokens(KEYS[1], capacity, rate)

if redis.call('HINCRBY', statsKey, 'invalid', 1) == 1 then
  redis.call('EXPIRE', statsKey, 3900)
end
redis.call('HINCRBY', statsKey, 't:' .. tenant .. ':invalid', 1)
redis.call('HINCRBY', KEYS[2], 'invalid', 1)
redis.call('SADD', KEYS[3], tenant)

return {math.floor(tokens), secondsUntilFull(capacity, tokens, rate)}
