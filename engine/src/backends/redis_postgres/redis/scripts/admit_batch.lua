-- Admits a batch of inbound messages in one call, each exactly as admit.lua
-- would, one after the other in the order given: a later copy of a message
-- sees the earlier one's idempotency record, a later request of a tenant the
-- bucket the earlier one left. Runs after token_bucket.lua and admission.lua.
--
-- KEYS[1] mccig:events  KEYS[2] mccig:tenants, then for request i (from 0):
-- KEYS[3+3i] mccig:bucket:{tenant}  KEYS[4+3i] mccig:idem:{tenant}:{channel}:{providerMessageId}
-- KEYS[5+3i] mccig:tenant:{tenant}
-- ARGV[1+6i..6+6i] tenant, capacity, refillPerSecond, idempotency TTL (s), event id, event JSON
-- Returns one verdict per request, in order: admitOne's answer, or
-- {'error', message} when Redis refused one of its commands (that request
-- only; a wrong-typed key fails the request that uses it).

local verdicts = {}
for i = 0, #ARGV / 6 - 1 do
  local k = 3 + 3 * i
  local a = 1 + 6 * i
  local ok, verdict = pcall(admitOne, KEYS[k], KEYS[k + 1], KEYS[1], KEYS[k + 2], KEYS[2],
                            ARGV[a], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4], ARGV[a + 5])
  if not ok then
    verdict = {'error', type(verdict) == 'table' and tostring(verdict.err) or tostring(verdict)}
  end
  verdicts[i + 1] = verdict
end
return verdicts
