-- Reads the token bucket of a tenant whose request was refused before
-- admission (invalid, forbidden, too large...) without taking a token; the
-- caller counts the refusal (AdmissionCounters). Key layout:
-- docs/redis-keys.md. Runs after token_bucket.lua.
--
-- KEYS[1] mccig:bucket:{tenant}
-- ARGV[1] capacity  ARGV[2] refillPerSecond
-- Returns {remainingTokens, secondsUntilFull, epochSecond}.

local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local tokens = refilledTokens(KEYS[1], capacity, rate)
return {math.floor(tokens), secondsUntilFull(capacity, tokens, rate), second}
