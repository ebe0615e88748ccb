#pragma once

#include "http/connection_registry.h"
#include "http/connection_settings.h"
#include "http/request_trace.h"
#include "http/router.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace mccig::server {

using PlainStream = boost::beast::tcp_stream;
using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

// One HTTP/1.1 client connection (keep-alive, pipelining answered in order:
// one request at a time). The header is read first and the route's checks run
// on it, so a request that will be refused never has its body read or
// buffered. Every read and write has a deadline, and every input a bound
// (ConnectionSettings): the read buffer, chunk extensions and trailers are
// capped, and a connection is closed after a number of requests or an age.
// Bytes that are not HTTP, or framing a proxy could read differently
// (request_framing.h), get a 400 and the connection is closed. A handler
// that throws gets a 500; the other connections go on.
//
// Over TLS (Stream = TlsStream) the same code runs on the decrypted bytes,
// with every limit and deadline; the handshake comes first, with its own
// deadline, and the connection ends with a close_notify before the TCP close.
//
// Lives on one io_context and is touched only by that context's thread;
// the Respond it hands to handlers may be called from any thread (it posts
// back). Owned by shared_ptrs held by its pending operations.
template <class Stream>
class BasicHttpConnection final : public DrainableConnection,
                                  public std::enable_shared_from_this<BasicHttpConnection<Stream>> {
public:
    // `tls`: the context of a TLS connection (kept as long as the connection
    // lives); null for a plain one.
    BasicHttpConnection(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<boost::asio::ssl::context> tls,
                        const Router& router, const ConnectionSettings& settings,
                        std::shared_ptr<ConnectionRegistry> registry);
    ~BasicHttpConnection() override;

    // Registers with the registry, shakes hands (TLS) and starts reading. Call on the socket's context.
    void start();
    void closeWhenIdle() override;

private:
    static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

    enum class State {
        Handshaking, // TLS only: before the first request can be read
        Idle,        // waiting for the first byte of the next request
        Reading,     // inside a request's header or body
        Handling,    // a handler or head check owes the answer
        Writing,
        Closed,
    };
    using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;

    boost::beast::tcp_stream& tcp() { return boost::beast::get_lowest_layer(m_stream); }
    void onHandshake(boost::beast::error_code error);
    void waitForRequest();
    void onFirstBytes(boost::beast::error_code error, std::size_t bytes);
    void readHeader();
    void onHeader(boost::beast::error_code error, std::size_t bytes);
    bool runHeadChecks(const Router::Match& match, HttpRequest& head);
    void readBody();
    void onContinueSent(boost::beast::error_code error, std::size_t bytes);
    void onBody(boost::beast::error_code error, std::size_t bytes);
    void onChunkHeader(std::uint64_t size, boost::beast::string_view extensions, boost::beast::error_code& error);
    void answerInternalError(const std::exception& error);
    void failRequest(boost::beast::error_code error);
    Respond makeRespond();
    void writeResponse(HttpResponse response);
    void onWrite(bool keepAlive, boost::beast::error_code error, std::size_t bytes);
    void lingerAndClose();
    void onTlsShutdown(boost::beast::error_code error);
    void lingerOnTcp();
    void onLinger(boost::beast::error_code error, std::size_t bytes);
    void close();

    const std::shared_ptr<boost::asio::ssl::context> m_tlsContext; // outlives m_stream, which uses it
    Stream m_stream;
    boost::beast::flat_buffer m_buffer;
    std::optional<Parser> m_parser;
    std::string m_responseText; // kept alive while it is written
    const Router& m_router;
    const ConnectionSettings& m_settings;
    // Shared: a connection may outlive its listener while the io_context is torn down.
    std::shared_ptr<ConnectionRegistry> m_registry;
    State m_state = kTls ? State::Handshaking : State::Idle;
    const RouteHandler* m_handler = nullptr;
    RouteParams m_params;
    HttpRequest m_head;
    RequestTrace m_trace; // the request in hand, for X-Request-Id and the log
    bool m_bodyUnread = false; // a refusal before the body: the connection must close after it
    bool m_draining = false;
    std::array<char, 4096> m_scratch{};
    std::size_t m_lingered = 0;
    const std::chrono::steady_clock::time_point m_openedAt;
    std::size_t m_requestsAnswered = 0;
    bool m_answeringHead = false;          // a HEAD request: the answer's head without its body
    std::size_t m_headerFieldBytes = 0;    // of the request in hand, to measure its trailers
    std::size_t m_chunkExtensionBytes = 0; // of the request in hand
    // The parser keeps a reference to this callback.
    std::function<void(std::uint64_t, boost::beast::string_view, boost::beast::error_code&)> m_onChunkHeader =
        [this](std::uint64_t size, boost::beast::string_view extensions, boost::beast::error_code& error) {
            onChunkHeader(size, extensions, error);
        };
};

extern template class BasicHttpConnection<PlainStream>;
extern template class BasicHttpConnection<TlsStream>;
using HttpConnection = BasicHttpConnection<PlainStream>;
using HttpsConnection = BasicHttpConnection<TlsStream>;

} // namespace mccig::server
