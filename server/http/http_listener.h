#pragma once

#include "config/server_config.h"
#include "http/connection_registry.h"
#include "http/connection_settings.h"
#include "http/io_context_pool.h"
#include "http/router.h"
#include "mccig/core/result.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>

namespace mccig::server {

class ServerTlsContext;

// Accepts TCP connections on one socket and hands them round-robin to the
// pool's contexts, where each runs as an HttpConnection, or as an
// HttpsConnection with the TLS context current when it was accepted. The
// acceptor lives on the pool's first context.
//
// listen(), stopAccepting() and drain() are called from the controlling
// thread; the router, settings and TLS context must outlive every connection.
class HttpListener {
public:
    // `tls`: serve HTTPS with it; null: plain HTTP.
    HttpListener(IoContextPool& pool, const Router& router, ConnectionSettings settings,
                 const ServerTlsContext* tls = nullptr);

    // Binds and starts accepting; returns the bound port (the real one for port 0).
    Result<int> listen(const ListenAddress& address);
    // Closes the listening socket; established connections go on.
    void stopAccepting();
    // Asks every connection to finish its request in hand and close.
    void drain();
    std::size_t openConnections() const { return m_registry->size(); }

private:
    void accept();
    void onAccept(boost::system::error_code error, boost::asio::ip::tcp::socket socket);

    IoContextPool& m_pool;
    const Router& m_router;
    const ConnectionSettings m_settings;
    const ServerTlsContext* m_tls;
    std::shared_ptr<ConnectionRegistry> m_registry = std::make_shared<ConnectionRegistry>();
    boost::asio::ip::tcp::acceptor m_acceptor;
    boost::asio::steady_timer m_retryTimer; // pause after a failed accept (out of descriptors)
};

} // namespace mccig::server
