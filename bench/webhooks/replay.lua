-- wrk script: sends the requests make_requests.mjs wrote, in order, each once
-- (thread N reads PREFIX.N). When they run out it starts over and counts the
-- round, which run.sh reports: a repeat is a duplicate, not a new admission.
--   wrk -t2 ... -s replay.lua URL -- PREFIX

local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

local requests = {}
local next_request = 0

function init(args)
  local file = assert(io.open(args[1] .. "." .. (thread_id or 1), "rb"))
  local all = file:read("*a")
  file:close()
  for one in all:gmatch("([^%z]+)") do
    requests[#requests + 1] = one
  end
end

function request()
  next_request = next_request + 1
  if next_request > #requests then
    next_request = 1
  end
  return requests[next_request]
end

function done(summary, latency, requests)
  io.write(string.format("p50_ms %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("rps %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("non2xx %d\n", summary.errors.status))
  io.write(string.format("socket_errors %d\n",
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
