-- Good Citizen: many concurrent clients, every message unique, mixed channels.
-- Expected: only 202s (the tenant's limit is above the offered load).
--   wrk -t2 -c50 -d10s -s good_citizen.lua http://127.0.0.1:PORT
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

setup = common.setup
response = common.response

local sequence = 0

function request()
  sequence = sequence + 1
  local id = string.format("gc-%s-%d-%d", common.run_id, thread_id, sequence)
  local channel, body = common.message(sequence, id)
  return wrk.format("POST", "/v1/ingest/" .. channel, common.headers(), body)
end

function done(summary, latency, requests)
  common.done("good-citizen", summary, latency)
end
