-- Noisy Neighbour, one side of it: a tenant sending at a fixed pace. Run it
-- twice at once: the noisy tenant above its limit (expect many 429 with
-- Retry-After) and a well-behaved tenant inside its limit (expect only 202).
--   MCCIG_PACE_MS   delay between one connection's requests (wrk's delay())
--   MCCIG_LABEL     name printed with the figures
--   MCCIG_API_KEY=kn MCCIG_PACE_MS=20 wrk -t1 -c4 -d10s -s noisy_neighbour.lua URL   # ~200 req/s
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

setup = common.setup
response = common.response

local pace_ms = tonumber(os.getenv("MCCIG_PACE_MS") or "20")
local label = os.getenv("MCCIG_LABEL") or "noisy-neighbour"
local sequence = 0

function delay()
  return pace_ms
end

function request()
  sequence = sequence + 1
  local id = string.format("nn-%s-%s-%d-%d", label, common.run_id, thread_id, sequence)
  local channel, body = common.message(sequence, id)
  return wrk.format("POST", "/v1/ingest/" .. channel, common.headers(), body)
end

function done(summary, latency, requests)
  common.done(label, summary, latency)
end
