#pragma once

#include "test_tls_session.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mccig::test {

struct HttpReply {
    int status = 0;
    std::map<std::string, std::string> headers; // names lowercased
    std::string body;

    bool hasHeader(const std::string& lowercaseName) const { return headers.contains(lowercaseName); }
    std::string header(const std::string& lowercaseName) const;
    nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

// A small blocking HTTP/1.1 client over one loopback TCP connection, for
// tests that need exact control over the bytes sent (garbage, partial
// headers, pipelining), plain or over TLS. Every read waits at most `timeout`.
class TestHttpClient {
public:
    explicit TestHttpClient(int port, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // Over TLS: connects and shakes hands at once (see connected() and tls()).
    TestHttpClient(int port, const TlsClientOptions& tls, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    ~TestHttpClient();
    TestHttpClient(const TestHttpClient&) = delete;
    TestHttpClient& operator=(const TestHttpClient&) = delete;

    // Connected, and over TLS the handshake succeeded.
    bool connected() const { return m_socket >= 0 && (!m_tls || m_tls->established()); }
    // The TLS session (the server's certificate, the last error); null for plain HTTP.
    const TestTlsSession* tls() const { return m_tls.get(); }

    // Sends one request (adds Host and Content-Length) and reads its answer.
    std::optional<HttpReply> request(const std::string& method, const std::string& target,
                                     const std::vector<std::pair<std::string, std::string>>& headers = {},
                                     const std::string& body = {});

    bool sendRaw(const std::string& bytes);
    // Reads one answer; nothing when the connection closed or timed out first.
    // An answer to HEAD (`withBody` false) has a Content-Length but no body.
    std::optional<HttpReply> readReply(bool withBody = true);
    // True when the server closed the connection (reads EOF or a reset) within the timeout.
    bool closedByServer();

private:
    bool fill();
    // Bytes read (> 0), 0 when the server closed, -1 on a timeout or an error.
    long receive(char* data, std::size_t size);

    int m_socket = -1;
    std::chrono::milliseconds m_timeout;
    std::string m_buffer;
    std::unique_ptr<TestTlsSession> m_tls;
};

// One POST with a JSON body on a fresh connection.
std::optional<HttpReply> postJson(int port, const std::string& target, const std::string& apiKey,
                                  const nlohmann::json& body);

} // namespace mccig::test
