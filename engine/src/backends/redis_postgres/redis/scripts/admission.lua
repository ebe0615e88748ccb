-- Admits one inbound message in one atomic step (API.md section 3, "Guarantees"):
-- refill and take from the tenant's token bucket, check the idempotency key,
-- enqueue the event, count the outcome. Key layout: docs/redis-keys.md.
-- Shared by admit.lua and admit_batch.lua; runs after token_bucket.lua.
--
-- Returns {verdict, eventId, remainingTokens, secondsUntilFull, retryAfterMs},
-- verdict one of "accepted", "duplicate", "rate_limited".

local function count(tenant, tenantKey, tenantsKey, bucketExisted, metric)
  -- A field's first increment is when its second's key may be new: only then
  -- does the key need its expiry.
  if redis.call('HINCRBY', statsKey, metric, 1) == 1 then
    redis.call('EXPIRE', statsKey, 3900)
  end
  redis.call('HINCRBY', statsKey, 't:' .. tenant .. ':' .. metric, 1)
  redis.call('HINCRBY', tenantKey, metric, 1)
  if not bucketExisted then
    redis.call('SADD', tenantsKey, tenant)
  end
end

-- bucketKey mccig:bucket:{tenant}  idempotencyKey mccig:idem:{tenant}:{channel}:{providerMessageId}
-- streamKey mccig:events  tenantKey mccig:tenant:{tenant}  tenantsKey mccig:tenants
local function admitOne(bucketKey, idempotencyKey, streamKey, tenantKey, tenantsKey,
                        tenant, capacityText, rateText, ttl, eventId, json)
  local capacity = tonumber(capacityText)
  local rate = tonumber(rateText)
  local tokens, bucketExisted = refilledTokens(bucketKey, capacity, rate)
  local function saveBucket()
    redis.call('HSET', bucketKey, 'tokens', string.format('%.6f', tokens), 'updatedUs', nowUs,
               'capacity', capacityText, 'refillPerSecond', rateText)
  end

  if tokens < 1 then
    saveBucket()
    count(tenant, tenantKey, tenantsKey, bucketExisted, 'rateLimited')
    return {'rate_limited', '', 0, secondsUntilFull(capacity, tokens, rate),
            math.ceil((1 - tokens) / rate * 1000)}
  end

  tokens = tokens - 1
  saveBucket()

  local firstId = redis.call('GET', idempotencyKey)
  if firstId then
    count(tenant, tenantKey, tenantsKey, bucketExisted, 'duplicate')
    return {'duplicate', firstId, math.floor(tokens), secondsUntilFull(capacity, tokens, rate), 0}
  end

  -- Enqueue before recording the key: if XADD fails, no idempotency record is left.
  redis.call('XADD', streamKey, '*', 'event', json, 'attempts', '0', 'failures', '[]')
  redis.call('SET', idempotencyKey, eventId, 'EX', ttl)
  count(tenant, tenantKey, tenantsKey, bucketExisted, 'accepted')
  return {'accepted', eventId, math.floor(tokens), secondsUntilFull(capacity, tokens, rate), 0}
end
