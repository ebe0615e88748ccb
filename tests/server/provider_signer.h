#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace mccig::test {

// A signature made by the provider's own library (tests/webhooks/sign.mjs,
// run by node): `request` names the provider, the secret and what to sign.
std::string signedByProvider(const nlohmann::json& request);

} // namespace mccig::test
