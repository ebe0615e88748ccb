-- Replay Attack: concurrent clients hammering one providerMessageId.
-- Expected: exactly one 202 in the whole run, every other answer a 200
-- duplicate naming the same eventId, and one row in the database.
--   wrk -t2 -c10 -d10s -s replay_attack.lua http://127.0.0.1:PORT
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

setup = common.setup
response = common.response

local id = "replay-" .. common.run_id
local _, body = common.message(0, id)

function init(args)
  wrk.method = "POST"
  wrk.path = "/v1/ingest/sms"
  wrk.headers = common.headers()
  wrk.body = body
end

function done(summary, latency, requests)
  common.done("replay-attack", summary, latency)
  io.write("== replay-attack providerMessageId: " .. id .. "\n")
end
