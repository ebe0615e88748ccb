-- Admits one inbound message in one atomic step (API.md section 3, "Guarantees"):
-- refill and take from the tenant's token bucket, check the idempotency key,
-- enqueue the event. The caller counts the outcome (AdmissionCounters, off
-- the hot path). Key layout: docs/redis-keys.md.
-- Shared by admit.lua and admit_batch.lua; runs after token_bucket.lua.
--
-- Returns {verdict, eventId, remainingTokens, secondsUntilFull, retryAfterMs, epochSecond},
-- verdict one of "accepted", "duplicate", "rate_limited".

-- bucketKey mccig:bucket:{tenant}  idempotencyKey mccig:idem:{tenant}:{channel}:{providerMessageId}
-- streamKey mccig:events
local function admitOne(bucketKey, idempotencyKey, streamKey, capacityText, rateText, ttl, eventId, json)
  local capacity = tonumber(capacityText)
  local rate = tonumber(rateText)
  local tokens = refilledTokens(bucketKey, capacity, rate)
  local function saveBucket()
    redis.call('HSET', bucketKey, 'tokens', string.format('%.6f', tokens), 'updatedUs', nowUs,
               'capacity', capacityText, 'refillPerSecond', rateText)
  end

  if tokens < 1 then
    saveBucket()
    return {'rate_limited', '', 0, secondsUntilFull(capacity, tokens, rate),
            math.ceil((1 - tokens) / rate * 1000), second}
  end

  tokens = tokens - 1
  saveBucket()

  local firstId = redis.call('GET', idempotencyKey)
  if firstId then
    return {'duplicate', firstId, math.floor(tokens), secondsUntilFull(capacity, tokens, rate), 0, second}
  end

  -- Enqueue before recording the key: if XADD fails, no idempotency record is left.
  redis.call('XADD', streamKey, '*', 'event', json, 'attempts', '0', 'failures', '[]')
  redis.call('SET', idempotencyKey, eventId, 'EX', ttl)
  return {'accepted', eventId, math.floor(tokens), secondsUntilFull(capacity, tokens, rate), 0, second}
end
