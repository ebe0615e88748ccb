#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
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
// headers, pipelining). Every read waits at most `timeout`.
class TestHttpClient {
public:
    explicit TestHttpClient(int port, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    ~TestHttpClient();
    TestHttpClient(const TestHttpClient&) = delete;
    TestHttpClient& operator=(const TestHttpClient&) = delete;

    bool connected() const { return m_socket >= 0; }

    // Sends one request (adds Host and Content-Length) and reads its answer.
    std::optional<HttpReply> request(const std::string& method, const std::string& target,
                                     const std::vector<std::pair<std::string, std::string>>& headers = {},
                                     const std::string& body = {});

    bool sendRaw(const std::string& bytes);
    // Reads one answer; nothing when the connection closed or timed out first.
    std::optional<HttpReply> readReply();
    // True when the server closed the connection (reads EOF or a reset) within the timeout.
    bool closedByServer();

private:
    bool fill();

    int m_socket = -1;
    std::chrono::milliseconds m_timeout;
    std::string m_buffer;
};

// One POST with a JSON body on a fresh connection.
std::optional<HttpReply> postJson(int port, const std::string& target, const std::string& apiKey,
                                  const nlohmann::json& body);

} // namespace mccig::test
