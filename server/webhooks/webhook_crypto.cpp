#include "webhooks/webhook_crypto.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace mccig::server {
namespace {

struct MacContextFree {
    void operator()(EVP_MAC_CTX* context) const { EVP_MAC_CTX_free(context); }
};
using MacContext = std::unique_ptr<EVP_MAC_CTX, MacContextFree>;

// An HMAC context for `digest` (an OpenSSL digest name), made once per thread
// and keyed afresh by each call: fetching HMAC and the digest by name on
// every call (what HMAC() does) cost more than hashing a delivery.
MacContext newMacContext(const char* digest)
{
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    MacContext context(mac ? EVP_MAC_CTX_new(mac) : nullptr);
    EVP_MAC_free(mac);
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digest), 0),
                                 OSSL_PARAM_construct_end()};
    if (!context || EVP_MAC_CTX_set_params(context.get(), params) != 1)
        throw std::runtime_error(std::string("OpenSSL has no HMAC-") + digest);
    return context;
}

std::string hmac(EVP_MAC_CTX* context, std::string_view key, std::string_view data)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    std::size_t length = 0;
    // Never a null key: EVP_MAC_init would keep the previous call's key.
    const auto* keyBytes = reinterpret_cast<const unsigned char*>(key.empty() ? "" : key.data());
    if (EVP_MAC_init(context, keyBytes, key.size(), nullptr) != 1
        || EVP_MAC_update(context, reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1
        || EVP_MAC_final(context, out.data(), &length, out.size()) != 1)
        throw std::runtime_error("HMAC failed");
    return std::string(reinterpret_cast<const char*>(out.data()), length);
}

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64Value(char c)
{
    const auto position = kBase64.find(c);
    return position == std::string_view::npos ? -1 : static_cast<int>(position);
}

} // namespace

std::string hmacSha1(std::string_view key, std::string_view data)
{
    thread_local const MacContext context = newMacContext("SHA1");
    return hmac(context.get(), key, data);
}

std::string hmacSha256(std::string_view key, std::string_view data)
{
    thread_local const MacContext context = newMacContext("SHA256");
    return hmac(context.get(), key, data);
}

std::string base64Encode(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned value = (static_cast<unsigned char>(bytes[i]) << 16)
                               | (static_cast<unsigned char>(bytes[i + 1]) << 8) | static_cast<unsigned char>(bytes[i + 2]);
        for (int shift : {18, 12, 6, 0})
            out.push_back(kBase64[(value >> shift) & 0x3F]);
    }
    if (const auto left = bytes.size() - i; left > 0) {
        unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
        if (left == 2)
            value |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out.push_back(kBase64[(value >> 18) & 0x3F]);
        out.push_back(kBase64[(value >> 12) & 0x3F]);
        out.push_back(left == 2 ? kBase64[(value >> 6) & 0x3F] : '=');
        out.push_back('=');
    }
    return out;
}

std::optional<std::string> base64Decode(std::string_view text)
{
    if (text.size() % 4 != 0)
        return std::nullopt;
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        const int padding = last ? (text[i + 3] == '=') + (text[i + 2] == '=') : 0;
        if (padding == 1 && text[i + 2] == '=')
            return std::nullopt; // "x=y=" is no padding
        unsigned value = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = text[i + static_cast<std::size_t>(k)];
            const int digit = k >= 4 - padding ? 0 : base64Value(c);
            if (digit < 0)
                return std::nullopt;
            value = (value << 6) | static_cast<unsigned>(digit);
        }
        out.push_back(static_cast<char>((value >> 16) & 0xFF));
        if (padding < 2)
            out.push_back(static_cast<char>((value >> 8) & 0xFF));
        if (padding < 1)
            out.push_back(static_cast<char>(value & 0xFF));
    }
    return out;
}

std::string hexEncode(std::string_view bytes)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const unsigned char c : bytes) {
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0x0F]);
    }
    return out;
}

bool constantTimeEqualText(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    volatile unsigned char difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        difference = static_cast<unsigned char>(difference | (a[i] ^ b[i]));
    return difference == 0;
}

} // namespace mccig::server
