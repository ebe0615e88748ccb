#pragma once

#include "http/http_message.h"
#include "mccig/ports/dead_letter_queue.h"
#include "mccig/ports/event_repository.h"
#include "mccig/ports/webhook_secret_store.h"

#include <map>
#include <optional>
#include <string>
#include <variant>

namespace mccig::server {

using QueryMap = std::map<std::string, std::string>;

// Reads the admin query parameters of API.md §5. Each returns the value, or
// the 400 {"error":"invalid_parameter","details":[{"path","message"}...]}
// response that lists every bad parameter. An empty value means "not given".
std::variant<EventPageRequest, HttpResponse> eventPageQuery(const QueryMap& query);
std::variant<EventFilter, HttpResponse> eventFilterQuery(const QueryMap& query);
std::variant<DeadLetterPageRequest, HttpResponse> dlqPageQuery(const QueryMap& query);
std::variant<int, HttpResponse> statsWindowQuery(const QueryMap& query);
std::variant<std::optional<std::string>, HttpResponse> tenantQuery(const QueryMap& query);

// The body of POST /v1/admin/webhooks, {"tenantId","provider","secret"}, as
// a new secret ready to store (a fresh id, created now). 400 invalid_json
// when it is not a JSON object; 400 invalid_parameter naming each bad field.
std::variant<WebhookSecret, HttpResponse> webhookSecretBody(const std::string& body);

// 400 invalid_parameter for one parameter.
HttpResponse invalidParameter(const std::string& path, const std::string& message);

} // namespace mccig::server
