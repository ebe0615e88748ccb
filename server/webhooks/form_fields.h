#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mccig::server {

// The fields of an application/x-www-form-urlencoded body, in order, decoded
// ('+' is a space, %XX a byte). A field may repeat (Twilio's MediaUrl0..N do
// not, but the format allows it).
using FormFields = std::vector<std::pair<std::string, std::string>>;

// Nothing when a %-escape is malformed or a name is empty.
std::optional<FormFields> parseFormFields(std::string_view body);

// The value of the first field named `name`, if any.
const std::string* formValue(const FormFields& fields, std::string_view name);

} // namespace mccig::server
