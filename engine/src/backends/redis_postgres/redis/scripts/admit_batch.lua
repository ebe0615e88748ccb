-- Admits a batch of inbound messages in one call, each exactly as admit.lua
-- would, one after the other in the order given: a later copy of a message
-- sees the earlier one's idempotency record, a later request of a tenant the
-- bucket the earlier one left. Runs after token_bucket.lua and admission.lua.
--
-- KEYS[1] mccig:events, then for request i (from 0):
-- KEYS[2+3i] mccig:bucket:{tenant}  KEYS[3+3i] mccig:idem:{tenant}<digest>
-- KEYS[4+3i] mccig:idem:{tenant}:{channel}:{providerMessageId}
-- ARGV[1] the call's deadline (Redis's clock, microseconds since the epoch),
-- ARGV[2+5i..6+5i] capacity, refillPerSecond, idempotency TTL (s), event id (16 bytes), event JSON
-- Returns one verdict per request, in order: admitOne's answer, or
-- {'error', message} when Redis refused one of its commands (that request
-- only; a wrong-typed key fails the request that uses it). Or, for the whole
-- call, lateAnswer's string.

local late = lateAnswer(ARGV[1])
if late then
  return late
end
local verdicts = {}
for i = 0, (#ARGV - 1) / 5 - 1 do
  local k = 2 + 3 * i
  local a = 2 + 5 * i
  local ok, verdict = pcall(admitOne, KEYS[k], KEYS[k + 1], KEYS[k + 2], KEYS[1],
                            ARGV[a], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4])
  if not ok then
    verdict = {'error', type(verdict) == 'table' and tostring(verdict.err) or tostring(verdict)}
  end
  verdicts[i + 1] = verdict
end
saveBuckets()
return verdicts
