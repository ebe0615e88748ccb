#pragma once

#include "mccig/core/result.h"
#include "target_url.h"

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace boost::asio::ssl {
class context;
}

namespace mccig::sim {

// One answer of the server: status, headers (names lowercased) and body.
struct HttpReply {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    // The first value of a header (lowercase name), or empty.
    std::string_view header(std::string_view lowercaseName) const;
};

// A synchronous HTTP/1.1 client with one keep-alive connection to the target,
// over TLS for an https target (the server's certificate verified for its
// host). Not thread-safe: each sender thread owns its own client. A request
// that cannot be delivered (connection refused, reset, timeout, a certificate
// that does not verify) is an error value of kind Unavailable or Timeout; a
// CA file that cannot be used is Rejected; any HTTP status, 5xx included, is
// a reply.
// The Beast machinery lives in the .cpp so only one file pays its compile time.
class HttpClient {
public:
    explicit HttpClient(TargetUrl target, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    Result<HttpReply> get(std::string_view target, std::string_view bearer);
    Result<HttpReply> post(std::string_view target, std::string_view bearer, std::string_view jsonBody);
    Result<HttpReply> del(std::string_view target, std::string_view bearer);

    const TargetUrl& target() const { return m_target; }

private:
    class Connection;

    Result<HttpReply> request(std::string_view method, std::string_view target, std::string_view bearer,
                              std::string_view jsonBody);
    Result<void> connect();
    Result<void> prepareTls();

    TargetUrl m_target;
    std::chrono::milliseconds m_timeout;
    std::unique_ptr<boost::asio::ssl::context> m_tls; // https: made once, shared by each new connection
    std::unique_ptr<Connection> m_connection;
};

} // namespace mccig::sim
