#include "webhooks/new_webhook_secret.h"

#include "mccig/core/secret_digest.h"
#include "mccig/core/time_format.h"
#include "webhooks/webhook_crypto.h"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <chrono>

namespace mccig::server {
namespace {

constexpr std::size_t kMaxSecretLength = 512;
constexpr std::string_view kStandardPrefix = "whsec_";

std::optional<std::string> standardSecretProblem(std::string_view secret)
{
    if (!secret.starts_with(kStandardPrefix))
        return "a Standard Webhooks secret starts with \"whsec_\"";
    const auto key = base64Decode(secret.substr(kStandardPrefix.size()));
    if (!key || key->size() < 24 || key->size() > 64)
        return "a Standard Webhooks secret is \"whsec_\" and the base64 of 24 to 64 bytes";
    return std::nullopt;
}

} // namespace

std::optional<std::string> webhookSecretProblem(WebhookProvider provider, std::string_view secret)
{
    if (secret.empty() || secret.size() > kMaxSecretLength)
        return "a webhook secret has 1 to 512 characters";
    if (!std::all_of(secret.begin(), secret.end(), [](char c) { return c > ' ' && c < 0x7f; }))
        return "a webhook secret is printable ASCII without spaces";
    if (provider == WebhookProvider::Standard)
        return standardSecretProblem(secret);
    return std::nullopt;
}

Result<WebhookSecret> newWebhookSecret(const std::string& tenantId, WebhookProvider provider, std::string secret)
{
    if (const auto problem = webhookSecretProblem(provider, secret))
        return failure(ErrorKind::Rejected, *problem);
    std::array<std::uint8_t, 8> random{};
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
        return failure(ErrorKind::Internal, "the random number generator failed");
    return WebhookSecret{{toLowerHex(random), tenantId, provider, formatUtc(std::chrono::system_clock::now())},
                         std::move(secret)};
}

} // namespace mccig::server
