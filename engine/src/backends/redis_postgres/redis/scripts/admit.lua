-- Admits one inbound message (admission.lua's admitOne): the script of a
-- call that carries a single request. Runs after token_bucket.lua and
-- admission.lua.
--
-- KEYS[1] mccig:bucket:{tenant}   KEYS[2] mccig:idem:{tenant}:{channel}:{providerMessageId}
-- KEYS[3] mccig:events            KEYS[4] mccig:tenant:{tenant}         KEYS[5] mccig:tenants
-- ARGV[1] tenant  ARGV[2] capacity  ARGV[3] refillPerSecond  ARGV[4] idempotency TTL (s)
-- ARGV[5] event id  ARGV[6] event JSON
-- Returns {verdict, eventId, remainingTokens, secondsUntilFull, retryAfterMs}.

return admitOne(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6])
