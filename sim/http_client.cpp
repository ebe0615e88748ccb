#include "http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <algorithm>
#include <cctype>
#include <optional>

namespace mccig::sim {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

std::string_view HttpReply::header(std::string_view lowercaseName) const
{
    for (const auto& [name, value] : headers)
        if (name == lowercaseName)
            return value;
    return {};
}

// The socket (plain or TLS) and its io_context; recreated after any
// transport failure so a half-read response never poisons the next request.
class HttpClient::Connection {
public:
    explicit Connection(asio::ssl::context* tls)
    {
        if (tls)
            secure.emplace(io, *tls);
        else
            plain.emplace(io);
    }

    beast::tcp_stream& tcp() { return secure ? beast::get_lowest_layer(*secure) : *plain; }

    // Runs `use` on whichever stream this connection has.
    template <typename Use>
    void withStream(Use&& use)
    {
        if (secure)
            use(*secure);
        else
            use(*plain);
    }

    asio::io_context io;
    std::optional<beast::tcp_stream> plain;
    std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
    beast::flat_buffer buffer;
    bool used = false;
};

namespace {

Error transportError(const beast::error_code& code, std::string_view step)
{
    const ErrorKind kind = code == beast::error::timeout ? ErrorKind::Timeout : ErrorKind::Unavailable;
    return Error{kind, std::string(step) + ": " + code.message()};
}

std::string lowercase(std::string_view text)
{
    std::string out(text);
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

HttpClient::HttpClient(TargetUrl target, std::chrono::milliseconds timeout)
    : m_target(std::move(target))
    , m_timeout(timeout)
{
}

HttpClient::~HttpClient() = default;

Result<HttpReply> HttpClient::get(std::string_view target, std::string_view bearer)
{
    return request("GET", target, bearer, {});
}

Result<HttpReply> HttpClient::post(std::string_view target, std::string_view bearer, std::string_view jsonBody)
{
    return request("POST", target, bearer, jsonBody);
}

Result<HttpReply> HttpClient::del(std::string_view target, std::string_view bearer)
{
    return request("DELETE", target, bearer, {});
}

Result<void> HttpClient::prepareTls()
{
    if (m_tls || !m_target.https)
        return {};
    auto context = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_client);
    beast::error_code code;
    if (m_target.caFile.empty())
        context->set_default_verify_paths(code);
    else
        context->load_verify_file(m_target.caFile, code);
    if (code)
        return failure(ErrorKind::Rejected, "--ca-file " + m_target.caFile + ": " + code.message());
    context->set_verify_mode(asio::ssl::verify_peer);
    m_tls = std::move(context);
    return {};
}

Result<void> HttpClient::connect()
{
    if (auto prepared = prepareTls(); !prepared)
        return prepared;
    auto connection = std::make_unique<Connection>(m_tls.get());
    beast::error_code code;
    asio::ip::tcp::resolver resolver(connection->io);
    const auto endpoints = resolver.resolve(m_target.host, std::to_string(m_target.port), code);
    if (code)
        return std::unexpected(transportError(code, "resolve"));
    connection->tcp().expires_after(m_timeout);
    connection->tcp().connect(endpoints, code);
    if (code)
        return std::unexpected(transportError(code, "connect"));
    connection->tcp().socket().set_option(asio::ip::tcp::no_delay(true));
    if (auto& tls = connection->secure) {
        asio::ip::make_address(m_target.host, code);
        if (code) // a name, not an address: say which, for servers with several certificates (SNI)
            SSL_set_tlsext_host_name(tls->native_handle(), m_target.host.c_str());
        tls->set_verify_callback(asio::ssl::host_name_verification(m_target.host));
        tls->handshake(asio::ssl::stream_base::client, code);
        if (code)
            return std::unexpected(transportError(code, "TLS handshake with " + m_target.text()));
    }
    m_connection = std::move(connection);
    return {};
}

Result<HttpReply> HttpClient::request(std::string_view method, std::string_view target, std::string_view bearer,
                                      std::string_view jsonBody)
{
    if (!m_connection) {
        if (auto connected = connect(); !connected)
            return std::unexpected(connected.error());
    }

    const beast::string_view beastMethod(method.data(), method.size());
    http::request<http::string_body> message{http::string_to_verb(beastMethod),
                                             beast::string_view(target.data(), target.size()), 11};
    message.set(http::field::host, m_target.authority());
    message.set(http::field::user_agent, "mccig-sim");
    if (!bearer.empty())
        message.set(http::field::authorization, "Bearer " + std::string(bearer));
    if (method == "POST") {
        message.set(http::field::content_type, "application/json");
        message.body() = std::string(jsonBody);
    }
    message.keep_alive(true);
    message.prepare_payload();

    Connection& connection = *m_connection;
    connection.tcp().expires_after(m_timeout);
    beast::error_code code;
    http::response<http::string_body> response;
    connection.withStream([&](auto& stream) {
        http::write(stream, message, code);
        if (!code)
            http::read(stream, connection.buffer, response, code);
    });
    if (code) {
        const bool reused = connection.used;
        m_connection.reset();
        // A kept-alive connection the server closed while idle fails on first
        // use; one retry on a fresh connection is what every HTTP client does.
        // A timeout is not retried: the server may still be working on it.
        if (reused && code != beast::error::timeout)
            return request(method, target, bearer, jsonBody);
        return std::unexpected(transportError(code, "request"));
    }
    connection.used = true;

    HttpReply reply;
    reply.status = static_cast<int>(response.result_int());
    for (const auto& field : response)
        reply.headers.emplace_back(lowercase(std::string_view(field.name_string().data(), field.name_string().size())),
                                   std::string(field.value()));
    reply.body = std::move(response.body());
    if (!response.keep_alive())
        m_connection.reset();
    return reply;
}

} // namespace mccig::sim
