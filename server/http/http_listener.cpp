#include "http/http_listener.h"

#include "http/http_connection.h"
#include "http/response_text.h"
#include "http/server_tls_context.h"

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include <memory>

namespace mccig::server {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

constexpr std::chrono::milliseconds kAcceptRetryDelay{50};

// Answers a connection over the limit with 503 and closes it, without a
// request being read: the established connections keep their capacity.
// A TLS client is not worth a handshake at that moment: it is just closed.
void refuseConnection(tcp::socket socket, bool tls)
{
    if (tls) {
        boost::system::error_code ignored;
        socket.close(ignored);
        return;
    }
    static const std::string kRefusal = responseText(errorResponse(503, "unavailable"), false);
    auto shared = std::make_shared<tcp::socket>(std::move(socket));
    asio::async_write(*shared, asio::buffer(kRefusal), [shared](boost::system::error_code, std::size_t) {
        boost::system::error_code ignored;
        shared->shutdown(tcp::socket::shutdown_both, ignored);
        shared->close(ignored);
    });
}

template <class Connection>
void startConnection(tcp::socket socket, std::shared_ptr<asio::ssl::context> tls, const Router& router,
                     const ConnectionSettings& settings, std::shared_ptr<ConnectionRegistry> registry)
{
    auto executor = socket.get_executor();
    auto connection =
        std::make_shared<Connection>(std::move(socket), std::move(tls), router, settings, std::move(registry));
    asio::post(executor, [connection] { connection->start(); });
}

} // namespace

HttpListener::HttpListener(IoContextPool& pool, const Router& router, ConnectionSettings settings,
                           const ServerTlsContext* tls)
    : m_pool(pool)
    , m_router(router)
    , m_settings(settings)
    , m_tls(tls)
    , m_acceptor(pool.context(0))
    , m_retryTimer(pool.context(0))
{
}

Result<int> HttpListener::listen(const ListenAddress& address)
{
    boost::system::error_code error;
    const auto ip = asio::ip::make_address(address.host, error);
    if (error)
        return failure(ErrorKind::Rejected, "bad listen address " + address.host + ": " + error.message());
    const tcp::endpoint endpoint(ip, static_cast<unsigned short>(address.port));
    m_acceptor.open(endpoint.protocol(), error);
    if (!error)
        m_acceptor.set_option(asio::socket_base::reuse_address(true), error);
    if (!error)
        m_acceptor.bind(endpoint, error);
    if (!error)
        m_acceptor.listen(asio::socket_base::max_listen_connections, error);
    if (error)
        return failure(ErrorKind::Unavailable, "cannot listen on " + address.host + ":"
                                                   + std::to_string(address.port) + ": " + error.message());
    const int port = m_acceptor.local_endpoint().port();
    asio::post(m_acceptor.get_executor(), [this] { accept(); });
    return port;
}

void HttpListener::stopAccepting()
{
    asio::post(m_acceptor.get_executor(), [this] {
        boost::system::error_code ignored;
        m_acceptor.close(ignored);
        m_retryTimer.cancel();
    });
}

void HttpListener::drain() { m_registry->drainAll(); }

void HttpListener::accept()
{
    m_acceptor.async_accept(m_pool.nextContext(), [this](boost::system::error_code error, tcp::socket socket) {
        onAccept(error, std::move(socket));
    });
}

void HttpListener::onAccept(boost::system::error_code error, tcp::socket socket)
{
    if (!m_acceptor.is_open())
        return;
    if (error == asio::error::connection_aborted) { // the client gave up first: nothing wrong here
        accept();
        return;
    }
    if (error) {
        // Out of file descriptors, say: accepting again at once would spin.
        // A short pause lets connections close; the listener keeps going.
        m_retryTimer.expires_after(kAcceptRetryDelay);
        m_retryTimer.async_wait([this](boost::system::error_code waitError) {
            if (!waitError && m_acceptor.is_open())
                accept();
        });
        return;
    }
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    if (!m_registry->tryReserve(m_settings.maxConnections)) {
        refuseConnection(std::move(socket), m_tls != nullptr);
        accept();
        return;
    }
    if (m_tls)
        startConnection<HttpsConnection>(std::move(socket), m_tls->current(), m_router, m_settings, m_registry);
    else
        startConnection<HttpConnection>(std::move(socket), nullptr, m_router, m_settings, m_registry);
    accept();
}

} // namespace mccig::server
