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

-- Request heads (everything up to the Content-Length value) per channel and
-- key, built once: wrk shares the cores with the server and Redis, so its
-- own work per request is kept small.
local heads = {}

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0))
  prefix = string.format("w%d-%d-", thread_id or 0, math.random(1, 2147483646))
  for _, channel in ipairs(channels) do
    heads[channel] = {}
    for i, key in ipairs(keys) do
      heads[channel][i] = "POST /v1/ingest/" .. channel .. " HTTP/1.1\r\n"
        .. "Host: " .. wrk.headers["Host"] .. "\r\n"
        .. "Content-Type: application/json\r\n"
        .. "X-Api-Key: " .. key .. "\r\n"
        .. "Content-Length: "
    end
  end
end

-- No response() function: with one, wrk would parse every response's headers
-- and body into Lua; done() reads the status counts from its summary instead.
function request()
  counter = counter + 1
  local channel = channels[(counter % 3) + 1]
  local body = string.format(bodies[channel], prefix .. counter)
  return heads[channel][(counter % #keys) + 1] .. #body .. "\r\n\r\n" .. body
end

function done(summary, latency, requests)
  io.write(string.format("p50_ms %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("rps %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("non2xx %d\n", summary.errors.status))
  io.write(string.format("socket_errors %d\n",
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
