-- Admits one inbound message in one atomic step (API.md section 3, "Guarantees"):
-- refill and take from the tenant's token bucket, check the idempotency key,
-- enqueue the event. The caller counts the outcome (AdmissionCounters, off
-- the hot path). Key layout: docs/redis-keys.md.
-- Shared by admit.lua and admit_batch.lua; runs after token_bucket.lua.
--
-- A call reads each bucket it touches once and writes it once, at its end
-- (saveBuckets): every admission of a call sees Redis's one `now`, so a bucket
-- refilled once and then taken from in order holds exactly what refilling it
-- before each admission would. Tokens are kept in whole millionths
-- (roundedTokens), the precision of the stored text, so the text a call
-- stores reads back as the very number the next admission of the same call
-- goes on with. admit.lua's call writes no bucket when its admission raises
-- an error; in a batch a request that fails keeps the token it took.
--
-- Returns one string per admission (answer): the verdict's letter, "a"
-- (accepted), "d" (duplicate) or "r" (rate limited); remainingTokens,
-- secondsUntilFull, retryAfterMs and Redis's clock (microseconds since the
-- epoch) as big-endian 64-bit integers; then the event id as its record holds
-- it (16 bytes, or text from an older record; nothing when rate limited).
--
-- A call carries its deadline in Redis's clock: when it runs later than that
-- (Redis was frozen or far behind, and the server has answered 503 or is
-- about to), it admits nothing and answers "x" and the clock alone
-- (lateAnswer), so the client's retry finds no record.

-- bucketKey mccig:bucket:{tenant}  idempotencyKey mccig:idem:{tenant}<16-byte digest>
-- textKey mccig:idem:{tenant}:{channel}:{providerMessageId} (the record of older versions)
-- streamKey mccig:events; eventId is the event id's 16 bytes

-- bucketKey → {tokens, capacity, rate, capacityText, rateText} as this call's
-- admissions left it.
local buckets = {}

-- The tenant's bucket, its limits parsed once per call unless a request of the
-- call brings others (a changed limit caps the tokens at once).
local function bucketAt(bucketKey, capacityText, rateText)
  local bucket = buckets[bucketKey]
  if bucket and bucket.capacityText == capacityText and bucket.rateText == rateText then
    return bucket
  end
  local capacity, rate = tonumber(capacityText), tonumber(rateText)
  if bucket then
    bucket.tokens = math.min(capacity, bucket.tokens)
  else
    bucket = {tokens = refilledTokens(bucketKey, capacity, rate)}
    buckets[bucketKey] = bucket
  end
  bucket.capacity, bucket.rate = capacity, rate
  bucket.capacityText, bucket.rateText = capacityText, rateText
  return bucket
end

-- Tokens in whole millionths: an integer over 1e6 is the double nearest the
-- decimal that '%.6f' writes for it, so the stored text parses back to it
-- exactly, with no text formatted and parsed per admission.
local function roundedTokens(tokens)
  return math.floor(tokens * 1e6 + 0.5) / 1e6
end

local function saveBuckets()
  for bucketKey, bucket in pairs(buckets) do
    redis.call('HSET', bucketKey, 'tokens', string.format('%.6f', bucket.tokens), 'updatedUs', nowUs,
               'capacity', bucket.capacityText, 'refillPerSecond', bucket.rateText)
  end
end

-- One string rather than a table of six: Redis sends it as one reply, and the
-- server reads it without building a reply tree.
local function answer(letter, eventId, remaining, untilFull, retryAfterMs)
  return letter .. struct.pack('>i8i8i8i8', remaining, untilFull, retryAfterMs, nowUs) .. eventId
end

-- The answer of a call that runs past `deadlineUs`, or nothing.
local function lateAnswer(deadlineUs)
  if nowUs > tonumber(deadlineUs) then
    return 'x' .. struct.pack('>i8', nowUs)
  end
end

local function admitOne(bucketKey, idempotencyKey, textKey, streamKey, capacityText, rateText, ttl, eventId, json)
  local bucket = bucketAt(bucketKey, capacityText, rateText)
  local capacity, rate = bucket.capacity, bucket.rate
  -- The answer uses the tokens as computed; the next admission sees them as stored.
  local tokens = bucket.tokens
  if tokens < 1 then
    bucket.tokens = roundedTokens(tokens)
    return answer('r', '', 0, secondsUntilFull(capacity, tokens, rate), math.ceil((1 - tokens) / rate * 1000))
  end

  tokens = tokens - 1
  bucket.tokens = roundedTokens(tokens)

  -- One command checks and records the key; an existing record is left as it is.
  local firstId = redis.call('SET', idempotencyKey, eventId, 'NX', 'GET', 'EX', ttl)
  if not firstId then
    -- A copy admitted before the records became compact, while its text record lives.
    firstId = redis.call('GET', textKey)
    if firstId then
      redis.call('DEL', idempotencyKey)
    end
  end
  if firstId then
    return answer('d', firstId, math.floor(tokens), secondsUntilFull(capacity, tokens, rate), 0)
  end

  -- If XADD fails, the record goes again: no idempotency record is left without its event.
  local queued = redis.pcall('XADD', streamKey, '*', 'event', json, 'attempts', '0', 'failures', '[]')
  if type(queued) == 'table' and queued.err then
    redis.call('DEL', idempotencyKey)
    error(queued)
  end
  return answer('a', eventId, math.floor(tokens), secondsUntilFull(capacity, tokens, rate), 0)
end
