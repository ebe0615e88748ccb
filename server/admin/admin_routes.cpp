#include "admin_routes.h"

#include "admin_json.h"
#include "admin_query.h"
#include "blocking_pool.h"
#include "http/header_text.h"
#include "http/pool_answer.h"
#include "http/router.h"
#include "thread_instance.h"

#include <algorithm>
#include <cctype>
#include <memory>

namespace mccig::server {
namespace {

using Context = std::shared_ptr<const AdminContext>;
using Work = std::function<HttpResponse(const AdminContext&)>;

constexpr std::string_view kBearer = "bearer ";

EventRepository& repository(const AdminContext& admin)
{
    return threadInstance(admin.backend, &Backend::eventRepository);
}

DeadLetterQueue& deadLetters(const AdminContext& admin)
{
    return threadInstance(admin.backend, &Backend::deadLetterQueue);
}

LiveStats& liveStats(const AdminContext& admin) { return threadInstance(admin.backend, &Backend::liveStats); }

WebhookSecretStore& webhookSecrets(const AdminContext& admin)
{
    return threadInstance(admin.backend, &Backend::webhookSecretStore);
}

// The one place where a backend failure becomes an HTTP status.
HttpResponse failureResponse(const Error& error, const std::string& parameter = {})
{
    if (isOutage(error))
        return errorResponse(503, "unavailable");
    if (error.kind == ErrorKind::NotFound)
        return errorResponse(404, "not_found");
    if (error.kind == ErrorKind::Rejected && !parameter.empty())
        return invalidParameter(parameter, error.message);
    return errorResponse(500, "internal");
}

HttpResponse noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

HeadCheck adminKeyCheck(const SecretDigest& key)
{
    return [key](const HttpRequest& head, const RouteParams&) -> std::optional<HttpResponse> {
        const std::string_view value = head.header("authorization");
        const bool bearer = value.size() > kBearer.size()
            && std::equal(kBearer.begin(), kBearer.end(), value.begin(),
                          [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
        if (bearer && constantTimeEquals(digestSecret(value.substr(kBearer.size())), key))
            return std::nullopt;
        auto refusal = errorResponse(401, "unauthorized");
        refusal.setHeader("WWW-Authenticate", "Bearer");
        return refusal;
    };
}

// Runs `work` on the blocking pool and answers with its response; 503 at once
// when the pool is full, 500 when it throws.
void onPool(const Context& context, Respond respond, Work work)
{
    answerOnPool(context->pool, std::move(respond), [context, work = std::move(work)] { return work(*context); });
}

// Registers an admin route whose request is parsed on the I/O thread into
// either a Work for the pool or an immediate response (400).
using ParseRequest = std::function<std::variant<Work, HttpResponse>(const HttpRequest&, const RouteParams&)>;
using Parse = std::function<std::variant<Work, HttpResponse>(const RouteParams&)>;

void addAdminRequestRoute(Router& router, const Context& context, std::string method, std::string pattern,
                          ParseRequest parse)
{
    router.add(
        std::move(method), std::move(pattern),
        [context, parse = std::move(parse)](HttpRequest&& request, const RouteParams& params, Respond respond) {
            auto parsed = parse(request, params);
            if (auto* immediate = std::get_if<HttpResponse>(&parsed))
                return respond(std::move(*immediate));
            onPool(context, std::move(respond), std::move(std::get<Work>(parsed)));
        },
        adminKeyCheck(*context->adminKey));
}

// An admin route that reads only the path and the query.
void addAdminRoute(Router& router, const Context& context, std::string method, std::string pattern, Parse parse)
{
    addAdminRequestRoute(router, context, std::move(method), std::move(pattern),
                         [parse = std::move(parse)](const HttpRequest&, const RouteParams& params) {
                             return parse(params);
                         });
}

template <typename T, typename Make>
std::variant<Work, HttpResponse> then(std::variant<T, HttpResponse> parsed, Make make)
{
    if (auto* immediate = std::get_if<HttpResponse>(&parsed))
        return std::move(*immediate);
    return Work(make(std::move(std::get<T>(parsed))));
}

void addEventRoutes(Router& router, const Context& context)
{
    addAdminRoute(router, context, "GET", "/v1/admin/events", [](const RouteParams& params) {
        return then(eventPageQuery(params.query), [](EventPageRequest request) {
            return [request](const AdminContext& admin) {
                auto page = repository(admin).list(request);
                return page ? jsonResponse(200, eventPageJson(*page)) : failureResponse(page.error(), "before");
            };
        });
    });
    addAdminRoute(router, context, "GET", "/v1/admin/events/count", [](const RouteParams& params) {
        return then(eventFilterQuery(params.query), [](EventFilter filter) {
            return [filter](const AdminContext& admin) {
                auto count = repository(admin).count(filter);
                return count ? jsonResponse(200, {{"count", *count}}) : failureResponse(count.error());
            };
        });
    });
}

void addDeadLetterRoutes(Router& router, const Context& context)
{
    addAdminRoute(router, context, "GET", "/v1/admin/dlq", [](const RouteParams& params) {
        return then(dlqPageQuery(params.query), [](DeadLetterPageRequest request) {
            return [request](const AdminContext& admin) {
                auto page = deadLetters(admin).list(request);
                return page ? jsonResponse(200, deadLetterPageJson(*page)) : failureResponse(page.error(), "before");
            };
        });
    });
    addAdminRoute(router, context, "POST", "/v1/admin/dlq/replay", [](const RouteParams& params) {
        return then(tenantQuery(params.query), [](std::optional<std::string> tenant) {
            return [tenant](const AdminContext& admin) {
                auto replayed = deadLetters(admin).replayAll(tenant);
                return replayed ? jsonResponse(202, {{"replayed", *replayed}}) : failureResponse(replayed.error());
            };
        });
    });
    addAdminRoute(router, context, "POST", "/v1/admin/dlq/{id}/replay", [](const RouteParams& params) -> std::variant<Work, HttpResponse> {
        return Work([id = params.captures.at(0)](const AdminContext& admin) {
            auto replayed = deadLetters(admin).replay(id);
            if (!replayed)
                return failureResponse(replayed.error());
            return *replayed ? jsonResponse(202, {{"replayed", 1}, {"id", id}}) : errorResponse(404, "not_found");
        });
    });
    addAdminRoute(router, context, "DELETE", "/v1/admin/dlq/{id}", [](const RouteParams& params) -> std::variant<Work, HttpResponse> {
        return Work([id = params.captures.at(0)](const AdminContext& admin) {
            auto removed = deadLetters(admin).remove(id);
            if (!removed)
                return failureResponse(removed.error());
            return *removed ? noContent() : errorResponse(404, "not_found");
        });
    });
}

void addLiveRoutes(Router& router, const Context& context)
{
    addAdminRoute(router, context, "GET", "/v1/admin/tenants", [](const RouteParams&) -> std::variant<Work, HttpResponse> {
        return Work([](const AdminContext& admin) {
            auto tenants = liveStats(admin).tenants(admin.knownTenants(), admin.policyFor);
            return tenants ? jsonResponse(200, tenantsJson(*tenants)) : failureResponse(tenants.error());
        });
    });
    addAdminRoute(router, context, "GET", "/v1/admin/stats", [](const RouteParams& params) {
        return then(statsWindowQuery(params.query), [](int window) {
            return [window](const AdminContext& admin) {
                auto& stats = liveStats(admin);
                auto series = stats.series(window);
                if (!series)
                    return failureResponse(series.error());
                auto depth = stats.depth();
                return depth ? jsonResponse(200, statsJson(*series, *depth)) : failureResponse(depth.error());
            };
        });
    });
}

// A secret set or removed here is in use in this process before the answer.
void putInUse(const AdminContext& admin)
{
    if (admin.webhookSecretsChanged)
        admin.webhookSecretsChanged();
}

void addWebhookSecretRoutes(Router& router, const Context& context)
{
    addAdminRoute(router, context, "GET", "/v1/admin/webhooks", [](const RouteParams& params) {
        return then(tenantQuery(params.query), [](std::optional<std::string> tenant) {
            return [tenant](const AdminContext& admin) {
                auto entries = webhookSecrets(admin).list();
                return entries ? jsonResponse(200, webhookSecretsJson(*entries, tenant))
                               : failureResponse(entries.error());
            };
        });
    });
    addAdminRequestRoute(router, context, "POST", "/v1/admin/webhooks",
                         [](const HttpRequest& request, const RouteParams&) -> std::variant<Work, HttpResponse> {
                             if (!isMediaType(request.header("content-type"), "application/json"))
                                 return errorResponse(415, "unsupported_media_type");
                             return then(webhookSecretBody(request.body), [](WebhookSecret secret) {
                                 return [secret](const AdminContext& admin) {
                                     auto added = webhookSecrets(admin).add(secret);
                                     if (!added)
                                         return failureResponse(added.error());
                                     putInUse(admin);
                                     return jsonResponse(201, webhookSecretJson(secret.entry));
                                 };
                             });
                         });
    addAdminRoute(router, context, "DELETE", "/v1/admin/webhooks/{id}", [](const RouteParams& params) -> std::variant<Work, HttpResponse> {
        return Work([id = params.captures.at(0)](const AdminContext& admin) {
            auto removed = webhookSecrets(admin).remove(id);
            if (!removed)
                return failureResponse(removed.error());
            if (!*removed)
                return errorResponse(404, "not_found");
            putInUse(admin);
            return noContent();
        });
    });
}

} // namespace

void registerAdminRoutes(Router& router, const AdminContext& context)
{
    if (!context.adminKey)
        return;
    const auto shared = std::make_shared<const AdminContext>(context);
    addEventRoutes(router, shared);
    addDeadLetterRoutes(router, shared);
    addLiveRoutes(router, shared);
    addWebhookSecretRoutes(router, shared);
}

} // namespace mccig::server
