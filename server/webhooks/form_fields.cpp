#include "webhooks/form_fields.h"

#include "mccig/core/percent_decoding.h"

#include <algorithm>

namespace mccig::server {

std::optional<FormFields> parseFormFields(std::string_view body)
{
    FormFields fields;
    fields.reserve(static_cast<std::size_t>(std::count(body.begin(), body.end(), '&')) + 1);
    while (!body.empty()) {
        const auto end = body.find('&');
        const auto pair = body.substr(0, end);
        body = end == std::string_view::npos ? std::string_view{} : body.substr(end + 1);
        if (pair.empty())
            continue;
        const auto equals = pair.find('=');
        auto name = percentDecoded(pair.substr(0, equals), true);
        const auto valueText = equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1);
        auto value = percentDecoded(valueText, true);
        if (!name || !value || name->empty())
            return std::nullopt;
        fields.emplace_back(std::move(*name), std::move(*value));
    }
    return fields;
}

const std::string* formValue(const FormFields& fields, std::string_view name)
{
    const auto it = std::find_if(fields.begin(), fields.end(), [&](const auto& field) { return field.first == name; });
    return it == fields.end() ? nullptr : &it->second;
}

} // namespace mccig::server
