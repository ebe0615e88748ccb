-- Shared opening of the admission scripts (prepended to each at build time):
-- the tenant's token bucket refilled to "now". Key layout: docs/redis-keys.md.
--
-- KEYS[1] mccig:bucket:{tenant}
-- ARGV[1] tenant  ARGV[2] capacity  ARGV[3] refillPerSecond

local tenant = ARGV[1]
local capacity = tonumber(ARGV[2])
local rate = tonumber(ARGV[3])

-- Redis's clock, so every server agrees on "now".
local time = redis.call('TIME')
local nowUs = tonumber(time[1]) * 1000000 + tonumber(time[2])

local stored = redis.call('HMGET', KEYS[1], 'tokens', 'updatedUs')
local tokens = capacity
if stored[1] and stored[2] then
  local elapsedUs = math.max(0, nowUs - tonumber(stored[2]))
  tokens = math.min(capacity, tonumber(stored[1]) + elapsedUs / 1e6 * rate)
end

local statsKey = 'mccig:stats:' .. time[1]
