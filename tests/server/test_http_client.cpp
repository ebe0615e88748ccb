#include "test_http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace mccig::test {

std::string HttpReply::header(const std::string& lowercaseName) const
{
    const auto found = headers.find(lowercaseName);
    return found == headers.end() ? std::string() : found->second;
}

TestHttpClient::TestHttpClient(int port, std::chrono::milliseconds timeout)
    : m_timeout(timeout)
{
    m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(m_socket);
        m_socket = -1;
        return;
    }
    int one = 1;
    ::setsockopt(m_socket, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

TestHttpClient::TestHttpClient(int port, const TlsClientOptions& tls, std::chrono::milliseconds timeout)
    : TestHttpClient(port, timeout)
{
    if (m_socket < 0)
        return;
    // OpenSSL reads the socket itself, so the timeout lives on the socket.
    timeval limit{static_cast<time_t>(timeout.count() / 1000), static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
    ::setsockopt(m_socket, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    ::setsockopt(m_socket, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    m_tls = std::make_unique<TestTlsSession>(m_socket, tls);
}

TestHttpClient::~TestHttpClient()
{
    m_tls.reset(); // its close_notify goes out before the socket closes
    if (m_socket >= 0)
        ::close(m_socket);
}

bool TestHttpClient::sendRaw(const std::string& bytes)
{
    if (m_tls)
        return m_tls->write(bytes.data(), bytes.size());
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::send(m_socket, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

long TestHttpClient::receive(char* data, std::size_t size)
{
    if (m_tls)
        return m_tls->read(data, size);
    pollfd descriptor{m_socket, POLLIN, 0};
    if (::poll(&descriptor, 1, static_cast<int>(m_timeout.count())) <= 0)
        return -1;
    // Readable, then nothing or an error: EOF or a reset, the server closed it.
    return std::max<long>(::recv(m_socket, data, size, 0), 0);
}

bool TestHttpClient::fill()
{
    char chunk[16384];
    const long n = receive(chunk, sizeof chunk);
    if (n <= 0)
        return false;
    m_buffer.append(chunk, static_cast<std::size_t>(n));
    return true;
}

std::optional<HttpReply> TestHttpClient::readReply(bool withBody)
{
    if (m_socket < 0)
        return std::nullopt;
    std::size_t headerEnd;
    while ((headerEnd = m_buffer.find("\r\n\r\n")) == std::string::npos) {
        if (!fill())
            return std::nullopt;
    }
    HttpReply reply;
    const std::string head = m_buffer.substr(0, headerEnd);
    reply.status = std::atoi(head.substr(head.find(' ') + 1, 3).c_str());
    std::size_t lineStart = head.find("\r\n");
    while (lineStart != std::string::npos && lineStart + 2 < head.size()) {
        const auto lineEnd = head.find("\r\n", lineStart + 2);
        const std::string line = head.substr(lineStart + 2, lineEnd == std::string::npos ? std::string::npos
                                                                                          : lineEnd - lineStart - 2);
        const auto colon = line.find(':');
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        std::string value = colon == std::string::npos ? std::string() : line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        reply.headers[name] = value;
        lineStart = lineEnd;
    }
    const std::size_t length = withBody ? std::strtoull(reply.header("content-length").c_str(), nullptr, 10) : 0;
    while (m_buffer.size() < headerEnd + 4 + length) {
        if (!fill())
            return std::nullopt;
    }
    reply.body = m_buffer.substr(headerEnd + 4, length);
    m_buffer.erase(0, headerEnd + 4 + length);
    return reply;
}

std::optional<HttpReply> TestHttpClient::request(const std::string& method, const std::string& target,
                                                 const std::vector<std::pair<std::string, std::string>>& headers,
                                                 const std::string& body)
{
    std::string text = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    bool hasLength = false;
    for (const auto& [name, value] : headers) {
        text += name + ": " + value + "\r\n";
        hasLength = hasLength || name == "Content-Length";
    }
    if (!hasLength && (!body.empty() || method == "POST"))
        text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    text += "\r\n" + body;
    if (!sendRaw(text))
        return std::nullopt;
    return readReply(method != "HEAD");
}

bool TestHttpClient::closedByServer()
{
    char chunk[4096];
    for (;;) {
        const long n = receive(chunk, sizeof chunk);
        if (n < 0)
            return false;
        if (n == 0)
            return true; // EOF or a reset: either way the server closed it
    }
}

std::optional<HttpReply> postJson(int port, const std::string& target, const std::string& apiKey,
                                  const nlohmann::json& body)
{
    TestHttpClient client(port);
    return client.request("POST", target, {{"X-Api-Key", apiKey}, {"Content-Type", "application/json"}},
                          body.dump());
}

} // namespace mccig::test
