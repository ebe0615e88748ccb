#include "mccig/redis/redis_script.h"

#include "mccig/redis/redis_sync_connection.h"

#include <openssl/evp.h>

#include <array>

namespace mccig {
namespace {

std::string sha1Hex(const std::string& text)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha1(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 0x0f]);
    }
    return hex;
}

} // namespace

RedisScript::RedisScript(std::string source) : m_source(std::move(source)), m_sha1(sha1Hex(m_source)) {}

std::vector<std::string> RedisScript::evalShaCommand(const std::vector<std::string>& keys,
                                                     const std::vector<std::string>& args) const
{
    std::vector<std::string> command;
    command.reserve(3 + keys.size() + args.size());
    command.push_back("EVALSHA");
    command.push_back(m_sha1);
    command.push_back(std::to_string(keys.size()));
    command.insert(command.end(), keys.begin(), keys.end());
    command.insert(command.end(), args.begin(), args.end());
    return command;
}

Result<RedisReply> RedisScript::evaluate(RedisSyncConnection& connection, const std::vector<std::string>& keys,
                                         const std::vector<std::string>& args) const
{
    const auto command = evalShaCommand(keys, args);
    auto reply = connection.command(command);
    if (reply || reply.error().code != ErrorCode::NoScript)
        return reply;
    if (auto loaded = connection.command({"SCRIPT", "LOAD", m_source}); !loaded)
        return loaded;
    return connection.command(command);
}

} // namespace mccig
