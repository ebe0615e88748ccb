#include "freezable_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <string_view>

namespace mccig::test {
namespace {

sockaddr_in loopback(int port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

} // namespace

FreezableProxy::FreezableProxy(int targetPort) : m_targetPort(targetPort)
{
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    auto address = loopback(0);
    ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(m_listener, 64);
    socklen_t length = sizeof address;
    ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { run(); });
}

FreezableProxy::~FreezableProxy()
{
    m_stopping = true;
    m_thread.join();
    for (const auto& pair : m_pairs) {
        ::close(pair.client);
        ::close(pair.server);
    }
    ::close(m_listener);
}

void FreezableProxy::acceptOne()
{
    const int client = ::accept(m_listener, nullptr, nullptr);
    if (client < 0)
        return;
    const int server = ::socket(AF_INET, SOCK_STREAM, 0);
    auto target = loopback(m_targetPort);
    if (::connect(server, reinterpret_cast<sockaddr*>(&target), sizeof target) != 0) {
        ::close(client);
        ::close(server);
        return;
    }
    m_pairs.push_back(Pair{client, server});
}

bool FreezableProxy::forward(int from, int to, bool* sawReady)
{
    std::array<char, 16384> buffer{};
    const auto received = ::recv(from, buffer.data(), buffer.size(), 0);
    if (received <= 0)
        return false;
    // ReadyForQuery: 'Z', length 5, a transaction status byte.
    static const std::string_view kReadyForQuery("Z\0\0\0\x05", 5);
    if (sawReady && std::string_view(buffer.data(), static_cast<std::size_t>(received)).find(kReadyForQuery)
                        != std::string_view::npos)
        *sawReady = true;
    for (ssize_t sent = 0; sent < received;) {
        const auto written = ::send(to, buffer.data() + sent, static_cast<std::size_t>(received - sent), MSG_NOSIGNAL);
        if (written <= 0)
            return false;
        sent += written;
    }
    return true;
}

void FreezableProxy::run()
{
    while (!m_stopping) {
        const Mode mode = m_mode;
        std::vector<pollfd> watched{{m_listener, POLLIN, 0}};
        for (const auto& pair : m_pairs) {
            const bool flowing = mode == Mode::Flowing || (mode == Mode::HoldingQueries && !pair.ready);
            // A held direction is not read, so its bytes wait in the socket.
            watched.push_back({pair.client, static_cast<short>(flowing ? POLLIN : 0), 0});
            watched.push_back({pair.server, static_cast<short>(mode == Mode::Frozen ? 0 : POLLIN), 0});
        }
        if (::poll(watched.data(), watched.size(), 20) <= 0)
            continue;
        std::vector<Pair> open;
        const auto readable = [](const pollfd& entry) {
            return entry.events != 0 && (entry.revents & (POLLIN | POLLHUP | POLLERR));
        };
        for (std::size_t n = 0; n < m_pairs.size(); ++n) {
            Pair pair = m_pairs[n];
            const bool clientOk = !readable(watched[1 + 2 * n]) || forward(pair.client, pair.server);
            const bool serverOk = !readable(watched[2 + 2 * n]) || forward(pair.server, pair.client, &pair.ready);
            if (clientOk && serverOk) {
                open.push_back(pair);
            } else {
                ::close(pair.client);
                ::close(pair.server);
            }
        }
        m_pairs = std::move(open);
        if (watched[0].revents & POLLIN)
            acceptOne();
    }
}

} // namespace mccig::test
