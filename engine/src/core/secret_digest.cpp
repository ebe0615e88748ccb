#include "mccig/core/secret_digest.h"

#include "mccig/core/byte_words.h"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace mccig {
namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";

// Fetched once: OpenSSL 3's one-shot SHA256() looks the algorithm up by name
// on every call, which cost more than the hashing itself on the ingest path.
const EVP_MD* sha256()
{
    static const EVP_MD* const md = [] {
        EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        if (fetched == nullptr)
            throw std::runtime_error("OpenSSL offers no SHA-256");
        return fetched;
    }();
    return md;
}

// One context per thread, reset by each digest: EVP_Digest() allocates,
// clears and frees a context on every call, which cost as much as hashing the
// short inputs of the ingest path.
EVP_MD_CTX* threadContext()
{
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context{EVP_MD_CTX_new(),
                                                                                       &EVP_MD_CTX_free};
    if (!context)
        throw std::runtime_error("OpenSSL could not make a digest context");
    return context.get();
}

} // namespace

SecretDigest digestSecret(std::string_view secret)
{
    SecretDigest digest{};
    EVP_MD_CTX* const context = threadContext();
    if (EVP_DigestInit_ex(context, sha256(), nullptr) != 1 || EVP_DigestUpdate(context, secret.data(), secret.size()) != 1
        || EVP_DigestFinal_ex(context, digest.data(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    return digest;
}

bool constantTimeEquals(const SecretDigest& a, const SecretDigest& b)
{
    // Accumulate every difference, eight bytes at a time, with no early exit;
    // volatile keeps the compiler from cutting the loop short.
    volatile std::uint64_t difference = 0;
    for (std::size_t i = 0; i < a.size(); i += sizeof(std::uint64_t))
        difference = difference | (wordAt(a.data() + i) ^ wordAt(b.data() + i));
    return difference == 0;
}

bool isLowerHex(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return kHexDigits.find(c) != std::string_view::npos; });
}

std::string toLowerHex(std::span<const std::uint8_t> bytes)
{
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (const std::uint8_t byte : bytes) {
        hex.push_back(kHexDigits[byte >> 4]);
        hex.push_back(kHexDigits[byte & 0x0f]);
    }
    return hex;
}

std::string digestHex(const SecretDigest& digest) { return toLowerHex(digest); }

std::optional<SecretDigest> parseDigestHex(std::string_view text)
{
    SecretDigest digest{};
    if (text.size() != digest.size() * 2 || !isLowerHex(text))
        return std::nullopt;
    for (std::size_t i = 0; i < digest.size(); ++i) {
        const auto high = kHexDigits.find(text[2 * i]);
        const auto low = kHexDigits.find(text[2 * i + 1]);
        digest[i] = static_cast<std::uint8_t>((high << 4) | low);
    }
    return digest;
}

} // namespace mccig
