#include "operations/health_probe.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/write.hpp>

#include <expected>
#include <string>

namespace mccig::server {
namespace {

using boost::asio::ip::tcp;
using boost::system::error_code;

// A server listening on every address is reached on loopback.
std::string probeHost(const std::string& listenHost)
{
    if (listenHost == "0.0.0.0")
        return "127.0.0.1";
    if (listenHost == "::")
        return "::1";
    return listenHost;
}

// Sends GET /healthz on one connection and returns the status line of the
// answer, or why there was none.
std::expected<std::string, std::string> fetchStatusLine(const tcp::endpoint& endpoint, bool tls,
                                                        std::chrono::milliseconds timeout)
{
    boost::asio::io_context io;
    boost::asio::ssl::context context(boost::asio::ssl::context::tls_client); // verifies nothing: see the header
    boost::asio::ssl::stream<tcp::socket> secure(io, context);
    tcp::socket& socket = secure.next_layer();
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: " + endpoint.address().to_string()
                              + "\r\nConnection: close\r\n\r\n";
    std::string response;
    error_code failure;
    const auto exchange = [&](auto& stream) {
        boost::asio::async_write(stream, boost::asio::buffer(request), [&](error_code written, std::size_t) {
            if ((failure = written))
                return;
            boost::asio::async_read_until(stream, boost::asio::dynamic_buffer(response, 4096), "\r\n",
                                          [&](error_code read, std::size_t) { failure = read; });
        });
    };
    socket.async_connect(endpoint, [&](error_code connected) {
        if ((failure = connected))
            return;
        if (!tls) {
            exchange(socket);
            return;
        }
        secure.async_handshake(boost::asio::ssl::stream_base::client, [&](error_code shaken) {
            if (!(failure = shaken))
                exchange(secure);
        });
    });
    io.run_for(timeout);
    if (!io.stopped())
        return std::unexpected("no answer within " + std::to_string(timeout.count()) + " ms");
    if (failure)
        return std::unexpected(failure.message());
    return response.substr(0, response.find("\r\n"));
}

} // namespace

int runHealthcheckCommand(const ListenAddress& listen, bool tls, std::ostream& err, std::chrono::milliseconds timeout)
{
    error_code invalid;
    const auto address = boost::asio::ip::make_address(probeHost(listen.host), invalid);
    if (invalid || listen.port <= 0 || listen.port > 65535) {
        err << "mccig-server: healthcheck needs the server's address and port, not " << listen.host << ":"
            << listen.port << std::endl;
        return 1;
    }
    const tcp::endpoint endpoint(address, static_cast<unsigned short>(listen.port));
    const auto statusLine = fetchStatusLine(endpoint, tls, timeout);
    if (!statusLine) {
        err << "mccig-server: healthcheck: " << endpoint << ": " << statusLine.error() << std::endl;
        return 1;
    }
    if (!statusLine->starts_with("HTTP/1.1 200 ") && !statusLine->starts_with("HTTP/1.0 200 ")) {
        err << "mccig-server: healthcheck: " << endpoint << ": " << *statusLine << std::endl;
        return 1;
    }
    return 0;
}

} // namespace mccig::server
