-- Admits one inbound message (admission.lua's admitOne): the script of a
-- call that carries a single request. Runs after token_bucket.lua and
-- admission.lua.
--
-- KEYS[1] mccig:bucket:{tenant}   KEYS[2] mccig:idem:{tenant}<digest>
-- KEYS[3] mccig:idem:{tenant}:{channel}:{providerMessageId}   KEYS[4] mccig:events
-- ARGV[1] capacity  ARGV[2] refillPerSecond  ARGV[3] idempotency TTL (s)
-- ARGV[4] event id (16 bytes)  ARGV[5] event JSON
-- ARGV[6] the call's deadline (Redis's clock, microseconds since the epoch)
-- Returns admitOne's answer, or lateAnswer's (admission.lua).

local late = lateAnswer(ARGV[6])
if late then
  return late
end
local verdict = admitOne(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5])
saveBuckets()
return verdict
