#include "webhooks/webhooks_command.h"

#include "app/backend_factory.h"
#include "app/tool_error.h"
#include "webhooks/new_webhook_secret.h"
#include "webhooks/webhook_secret_refresher.h"

#include <chrono>
#include <string>

namespace mccig::server {
namespace {

std::string firstLine(std::istream& in)
{
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

int setSecret(WebhookSecretStore& store, const WebhooksRequest& request, const ServerConfig& config,
              std::istream& in, std::ostream& out, std::ostream& err)
{
    auto secret = newWebhookSecret(request.tenantId, request.provider, firstLine(in));
    if (!secret && secret.error().kind == ErrorKind::Rejected) {
        err << "mccig-server: " << secret.error().message << " (give the secret on stdin)" << std::endl;
        return 2;
    }
    if (!secret)
        return reportToolError(secret.error(), config, err);
    if (auto added = store.add(*secret); !added)
        return reportToolError(added.error(), config, err);
    const auto refresh = std::chrono::duration_cast<std::chrono::seconds>(kWebhookSecretRefreshInterval);
    out << secret->entry.id << std::endl;
    err << "stored " << webhookProviderName(request.provider) << " secret " << secret->entry.id << " for tenant "
        << request.tenantId << "; running servers use it within " << refresh.count() << " s" << std::endl;
    return 0;
}

int listSecrets(WebhookSecretStore& store, const WebhooksRequest& request, const ServerConfig& config,
                std::ostream& out, std::ostream& err)
{
    auto entries = store.list();
    if (!entries)
        return reportToolError(entries.error(), config, err);
    for (const auto& entry : *entries) {
        if (request.tenantId.empty() || entry.tenantId == request.tenantId)
            out << entry.id << '\t' << entry.tenantId << '\t' << webhookProviderName(entry.provider) << '\t'
                << entry.createdAt << '\n';
    }
    out.flush();
    return 0;
}

int removeSecret(WebhookSecretStore& store, const WebhooksRequest& request, const ServerConfig& config,
                 std::ostream& out, std::ostream& err)
{
    auto removed = store.remove(request.secretId);
    if (!removed)
        return reportToolError(removed.error(), config, err);
    if (!*removed)
        return reportToolError(Error{ErrorKind::NotFound, "no stored webhook secret has the id " + request.secretId},
                               config, err);
    const auto refresh = std::chrono::duration_cast<std::chrono::seconds>(kWebhookSecretRefreshInterval);
    out << "removed webhook secret " << request.secretId << "; running servers refuse it within " << refresh.count()
        << " s" << std::endl;
    return 0;
}

} // namespace

int runWebhooksCommand(const WebhooksRequest& request, const ServerConfig& config, std::istream& in,
                       std::ostream& out, std::ostream& err)
{
    auto backend = openBackend(config, BackendUse::Tool);
    if (!backend)
        return reportToolError(backend.error(), config, err);
    const auto secrets = (*backend)->webhookSecretStore();
    WebhookSecretStore& store = *secrets;
    switch (request.action) {
    case WebhooksAction::Set:
        return setSecret(store, request, config, in, out, err);
    case WebhooksAction::List:
        return listSecrets(store, request, config, out, err);
    case WebhooksAction::Remove:
        return removeSecret(store, request, config, out, err);
    }
    return 1;
}

} // namespace mccig::server
