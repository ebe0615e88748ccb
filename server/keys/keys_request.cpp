#include "keys/keys_request.h"

#include "keys/api_key_id.h"
#include "mccig/domain/tenant_id.h"

namespace mccig::server {
namespace {

using ParsedRequest = std::expected<KeysRequest, std::string>;
using Arguments = std::vector<std::string>;

constexpr const char* kUsage = "usage: keys add TENANT | keys list [TENANT] | keys revoke KEY-ID";

std::unexpected<std::string> refuse(const std::string& what) { return std::unexpected(what + " (" + kUsage + ")"); }

std::unexpected<std::string> badTenant(const std::string& word)
{
    return std::unexpected("invalid tenant id '" + word + "' (must match ^[a-z0-9][a-z0-9_-]{0,63}$)");
}

ParsedRequest parseAdd(const Arguments& arguments)
{
    if (arguments.size() != 1)
        return refuse("keys add takes exactly one tenant id");
    if (!isValidTenantId(arguments[0]))
        return badTenant(arguments[0]);
    return KeysRequest{KeysAction::Add, arguments[0], {}};
}

ParsedRequest parseList(const Arguments& arguments)
{
    if (arguments.size() > 1)
        return refuse("keys list takes at most one tenant id");
    if (arguments.empty())
        return KeysRequest{KeysAction::List, {}, {}};
    if (!isValidTenantId(arguments[0]))
        return badTenant(arguments[0]);
    return KeysRequest{KeysAction::List, arguments[0], {}};
}

ParsedRequest parseRevoke(const Arguments& arguments)
{
    if (arguments.size() != 1)
        return refuse("keys revoke takes exactly one key id");
    if (!isKeyId(arguments[0]))
        return std::unexpected("invalid key id '" + arguments[0] +
                               "' (12-64 lowercase hex digits, as keys list shows)");
    return KeysRequest{KeysAction::Revoke, {}, arguments[0]};
}

} // namespace

std::expected<KeysRequest, std::string> parseKeysRequest(const std::vector<std::string>& words)
{
    if (words.empty())
        return refuse("keys needs a command");
    const Arguments arguments(words.begin() + 1, words.end());
    if (words.front() == "add")
        return parseAdd(arguments);
    if (words.front() == "list")
        return parseList(arguments);
    if (words.front() == "revoke")
        return parseRevoke(arguments);
    return refuse("unknown keys command '" + words.front() + "'");
}

} // namespace mccig::server
