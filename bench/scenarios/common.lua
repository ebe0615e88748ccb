-- Shared by the wrk scenarios: settings from the environment, message bodies
-- per channel, per-thread status counting and the outcome table printed by done().
--   MCCIG_API_KEY   tenant key (required)
--   MCCIG_RUN_ID    makes providerMessageIds unique across runs (default: time)

local common = {}

common.api_key = os.getenv("MCCIG_API_KEY") or error("MCCIG_API_KEY is not set")
common.run_id = os.getenv("MCCIG_RUN_ID") or tostring(os.time())

local threads = {}

-- wrk calls setup() once per thread in the main interpreter: number the
-- threads so each can build ids the others never use.
function common.setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function common.headers()
  return {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. common.api_key,
  }
end

local channels = { "sms", "chat", "voice" }

-- A realistic body for channel number n % 3 (API.md section 3).
function common.message(n, id)
  local channel = channels[n % 3 + 1]
  local number = string.format("+1415555%04d", n % 10000)
  if channel == "sms" then
    return channel, string.format(
      '{"providerMessageId":"%s","from":"%s","to":"+14155550100","body":"Is my order %d shipped yet?"}',
      id, number, n)
  elseif channel == "chat" then
    return channel, string.format(
      '{"providerMessageId":"%s","conversationId":"conv-%d","sender":{"id":"cust-%d","role":"customer"},"text":"Hello, I need help with order %d."}',
      id, n % 100, n % 1000, n)
  end
  return channel, string.format(
    '{"providerMessageId":"%s","from":"%s","to":"+14155550100","direction":"inbound","status":"completed","durationSeconds":%d}',
    id, number, n % 600)
end

-- Per-thread counters (globals of the thread's interpreter, read back in done()).
counts = {}
retry_after_missing = 0

function common.response(status, headers)
  counts[status] = (counts[status] or 0) + 1
  if status == 429 and not headers["Retry-After"] and not headers["retry-after"] then
    retry_after_missing = retry_after_missing + 1
  end
end

-- Prints throughput, latency percentiles and the outcome counts of every thread.
function common.done(name, summary, latency)
  local totals, missing = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("counts")) do
      totals[status] = (totals[status] or 0) + count
    end
    missing = missing + thread:get("retry_after_missing")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("== %s: %d requests in %.1f s = %.0f req/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    name, summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  local statuses = {}
  for status in pairs(totals) do table.insert(statuses, status) end
  table.sort(statuses)
  local line = "== " .. name .. " outcomes:"
  for _, status in ipairs(statuses) do
    line = line .. string.format(" %d=%d", status, totals[status])
  end
  if summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout > 0 then
    line = line .. string.format(" socket-errors=%d", summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout)
  end
  if missing > 0 then line = line .. string.format(" 429-without-Retry-After=%d", missing) end
  io.write(line .. "\n")
end

return common
