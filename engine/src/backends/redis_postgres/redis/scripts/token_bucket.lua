-- Shared opening of the admission scripts (prepended to each at build time):
-- Redis's clock, and a tenant's token bucket refilled to it. Key layout:
-- docs/redis-keys.md.

-- Redis's clock, so every server agrees on "now"; one reading per call. The
-- caller counts the outcome in the second it returns (AdmissionCounters).
local time = redis.call('TIME')
local nowUs = tonumber(time[1]) * 1000000 + tonumber(time[2])
local second = tonumber(time[1])

-- The tokens in the bucket at `bucketKey` refilled to now.
local function refilledTokens(bucketKey, capacity, rate)
  local stored = redis.call('HMGET', bucketKey, 'tokens', 'updatedUs')
  if not (stored[1] and stored[2]) then
    return capacity
  end
  local elapsedUs = math.max(0, nowUs - tonumber(stored[2]))
  return math.min(capacity, tonumber(stored[1]) + elapsedUs / 1e6 * rate)
end

local function secondsUntilFull(capacity, tokens, rate)
  return math.ceil((capacity - tokens) / rate)
end
