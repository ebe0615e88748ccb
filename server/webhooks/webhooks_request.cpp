#include "webhooks/webhooks_request.h"

#include "mccig/core/secret_digest.h"
#include "mccig/domain/tenant_id.h"

namespace mccig::server {
namespace {

using ParsedRequest = std::expected<WebhooksRequest, std::string>;
using Arguments = std::vector<std::string>;

constexpr const char* kUsage =
    "usage: webhooks set TENANT PROVIDER | webhooks list [TENANT] | webhooks remove SECRET-ID";

std::unexpected<std::string> refuse(const std::string& what) { return std::unexpected(what + " (" + kUsage + ")"); }

std::unexpected<std::string> badTenant(const std::string& word)
{
    return std::unexpected("invalid tenant id '" + word + "' (must match ^[a-z0-9][a-z0-9_-]{0,63}$)");
}

ParsedRequest parseSet(const Arguments& arguments)
{
    if (arguments.size() != 2)
        return refuse("webhooks set takes a tenant id and a provider; the secret is read from stdin");
    if (!isValidTenantId(arguments[0]))
        return badTenant(arguments[0]);
    const auto provider = parseWebhookProvider(arguments[1]);
    if (!provider)
        return std::unexpected("unknown provider '" + arguments[1] +
                               "' (twilio, whatsapp, whatsapp-verify or standard)");
    WebhooksRequest request;
    request.action = WebhooksAction::Set;
    request.tenantId = arguments[0];
    request.provider = *provider;
    return request;
}

ParsedRequest parseList(const Arguments& arguments)
{
    if (arguments.size() > 1)
        return refuse("webhooks list takes at most one tenant id");
    WebhooksRequest request;
    if (arguments.empty())
        return request;
    if (!isValidTenantId(arguments[0]))
        return badTenant(arguments[0]);
    request.tenantId = arguments[0];
    return request;
}

ParsedRequest parseRemove(const Arguments& arguments)
{
    if (arguments.size() != 1)
        return refuse("webhooks remove takes exactly one secret id");
    if (!isWebhookSecretId(arguments[0]))
        return std::unexpected("invalid secret id '" + arguments[0] +
                               "' (16 lowercase hex digits, as webhooks list shows)");
    WebhooksRequest request;
    request.action = WebhooksAction::Remove;
    request.secretId = arguments[0];
    return request;
}

} // namespace

bool isWebhookSecretId(std::string_view text) { return text.size() == 16 && isLowerHex(text); }

std::expected<WebhooksRequest, std::string> parseWebhooksRequest(const std::vector<std::string>& words)
{
    if (words.empty())
        return refuse("webhooks needs a command");
    const Arguments arguments(words.begin() + 1, words.end());
    if (words.front() == "set")
        return parseSet(arguments);
    if (words.front() == "list")
        return parseList(arguments);
    if (words.front() == "remove")
        return parseRemove(arguments);
    return refuse("unknown webhooks command '" + words.front() + "'");
}

} // namespace mccig::server
