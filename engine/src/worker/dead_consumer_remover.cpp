#include "dead_consumer_remover.h"

#include "mccig/redis/event_stream.h"

namespace mccig {
namespace {

// XINFO CONSUMERS answers each consumer as a flat name/value list.
const RedisScript& removeIdleScript()
{
    static const RedisScript script(R"(
local ok, consumers = pcall(redis.call, 'XINFO', 'CONSUMERS', KEYS[1], ARGV[1])
if not ok then return {} end
local removed = {}
for _, consumer in ipairs(consumers) do
  local info = {}
  for i = 1, #consumer, 2 do info[consumer[i]] = consumer[i + 1] end
  if info['pending'] == 0 and info['idle'] > tonumber(ARGV[2]) then
    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name'])
    removed[#removed + 1] = info['name']
  end
end
return removed
)");
    return script;
}

} // namespace

DeadConsumerRemover::DeadConsumerRemover(RedisEndpoint endpoint, std::chrono::milliseconds timeout)
    : m_connection(std::move(endpoint), timeout)
{
}

Result<std::vector<std::string>> DeadConsumerRemover::removeIdle(std::chrono::milliseconds minIdle)
{
    auto reply = removeIdleScript().evaluate(m_connection, {std::string(kEventStreamKey)},
                                             {std::string(kWorkerGroup), std::to_string(minIdle.count())});
    if (!reply)
        return std::unexpected(reply.error());
    std::vector<std::string> removed;
    for (auto& name : reply->elements)
        removed.push_back(std::move(name.text));
    return removed;
}

} // namespace mccig
