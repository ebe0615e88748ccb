-- wrk script: POSTs of all three channels, spread over several tenants, each
-- with a providerMessageId never used before (so every request is a real
-- admission: bucket, dedupe check, XADD), on keep-alive connections.
-- Keys must match the server's --api-keys (run.sh sets both).

local keys = { "bench-key-t1", "bench-key-t2", "bench-key-t3", "bench-key-t4" }
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

local counter = 0
local prefix

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0))
  prefix = string.format("w%d-%d-", thread_id or 0, math.random(1, 2147483646))
end

local bodies = {
  sms = '{"providerMessageId":"%s","from":"+14155550100","to":"+14155550101",'
     .. '"body":"Hello, your order 1234 has shipped and will arrive on Thursday.",'
     .. '"metadata":{"campaign":"spring"}}',
  chat = '{"providerMessageId":"%s","conversationId":"conv-42",'
      .. '"sender":{"id":"user-7","name":"Ada","role":"customer"},'
      .. '"text":"Hi, I would like to change my delivery address please."}',
  voice = '{"providerMessageId":"%s","from":"+14155550100","to":"+14155550101",'
       .. '"direction":"inbound","status":"completed","durationSeconds":95,'
       .. '"recordingUrl":"https://recordings.example.com/r/9f8e7d"}',
}
local channels = { "sms", "chat", "voice" }

function request()
  counter = counter + 1
  local channel = channels[(counter % 3) + 1]
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Api-Key"] = keys[(counter % #keys) + 1],
  }
  local body = string.format(bodies[channel], prefix .. counter)
  return wrk.format("POST", "/v1/ingest/" .. channel, headers, body)
end

local statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("p50_ms %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("rps %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("non2xx %d\n", summary.errors.status))
  io.write(string.format("socket_errors %d\n",
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
