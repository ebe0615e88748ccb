#include "http_message.h"

#include "mccig/core/json_string.h"

#include <utility>

namespace mccig::server {

std::string_view HttpRequest::header(std::string_view lowercaseName) const
{
    for (const auto& [name, value] : headers) {
        if (name == lowercaseName)
            return value;
    }
    return {};
}

std::string_view HttpRequest::path() const
{
    const std::string_view all(target);
    return all.substr(0, all.find('?'));
}

std::string_view HttpRequest::query() const
{
    const std::string_view all(target);
    const auto mark = all.find('?');
    return mark == std::string_view::npos ? std::string_view() : all.substr(mark + 1);
}

void HttpResponse::setHeader(std::string name, std::string value)
{
    for (auto& [existingName, existingValue] : headers) {
        if (existingName == name) {
            existingValue = std::move(value);
            return;
        }
    }
    headers.emplace_back(std::move(name), std::move(value));
}

HttpResponse jsonResponse(int status, const nlohmann::json& body)
{
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", "application/json");
    // Replacing bad UTF-8 rather than throwing: an echoed client value must not fail the answer.
    response.body = jsonText(body);
    return response;
}

HttpResponse errorResponse(int status, std::string_view errorCode)
{
    return jsonResponse(status, nlohmann::json{{"error", errorCode}});
}

} // namespace mccig::server
