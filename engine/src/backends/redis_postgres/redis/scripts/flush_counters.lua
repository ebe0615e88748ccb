-- Adds one process's admission counts of the last flush interval to the
-- live counters (AdmissionCounters). Key layout: docs/redis-keys.md.
--
-- ARGV, six per (second, tenant): epochSecond, tenant, accepted, duplicate,
-- rateLimited, invalid (counts, 0 for none).

local metrics = {'accepted', 'duplicate', 'rateLimited', 'invalid'}
for i = 1, #ARGV, 6 do
  local statsKey = 'mccig:stats:' .. ARGV[i]
  local tenant = ARGV[i + 1]
  local tenantKey = 'mccig:tenant:' .. tenant
  for m = 1, 4 do
    local n = tonumber(ARGV[i + 1 + m])
    if n > 0 then
      redis.call('HINCRBY', statsKey, metrics[m], n)
      redis.call('HINCRBY', statsKey, 't:' .. tenant .. ':' .. metrics[m], n)
      redis.call('HINCRBY', tenantKey, metrics[m], n)
    end
  end
  redis.call('EXPIRE', statsKey, 3900)
  redis.call('SADD', 'mccig:tenants', tenant)
end
return #ARGV / 6
