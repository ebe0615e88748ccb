#include "http/http_connection.h"

#include "http/request_framing.h"
#include "http/response_text.h"
#include "log/json_log.h"
#include "mccig/core/ascii_case.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>

#include <algorithm>
#include <limits>
#include <utility>

namespace mccig::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

constexpr std::size_t kLingerBytes = 256 * 1024;
constexpr std::chrono::seconds kLingerTime{2};
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
// Room in the read buffer beyond a largest header and body: chunk-size lines,
// trailers and the start of a pipelined request.
constexpr std::size_t kBufferSlack = 8 * 1024;
// Chunk extensions and trailers carry nothing we use; a little is tolerated.
constexpr std::size_t kMaxChunkExtensionBytes = 1024;
constexpr std::size_t kMaxTrailerBytes = 4 * 1024;

std::string lowercase(std::string_view text)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), asciiLower);
    return lower;
}

HttpRequest headOf(const http::request<http::string_body>& message)
{
    HttpRequest head;
    head.method = std::string(message.method_string());
    head.target = std::string(message.target());
    head.headers.reserve(8);
    for (const auto& field : message)
        head.headers.emplace_back(lowercase(std::string_view(field.name_string().data(), field.name_string().size())),
                                  std::string(field.value()));
    return head;
}

std::size_t fieldBytes(const http::request<http::string_body>& message)
{
    std::size_t bytes = 0;
    for (const auto& field : message)
        bytes += field.name_string().size() + field.value().size();
    return bytes;
}

bool isParseError(const beast::error_code& error)
{
    return error.category() == http::make_error_code(http::error::bad_method).category();
}

template <class Stream>
Stream openStream(asio::ip::tcp::socket&& socket, asio::ssl::context* tls);

template <>
PlainStream openStream<PlainStream>(asio::ip::tcp::socket&& socket, asio::ssl::context*)
{
    return PlainStream(std::move(socket));
}

template <>
TlsStream openStream<TlsStream>(asio::ip::tcp::socket&& socket, asio::ssl::context* tls)
{
    return TlsStream(std::move(socket), *tls);
}

} // namespace

template <class Stream>
BasicHttpConnection<Stream>::BasicHttpConnection(asio::ip::tcp::socket&& socket, std::shared_ptr<asio::ssl::context> tls,
                                                 const Router& router, const ConnectionSettings& settings,
                                                 std::shared_ptr<ConnectionRegistry> registry)
    : m_tlsContext(std::move(tls))
    , m_stream(openStream<Stream>(std::move(socket), m_tlsContext.get()))
    , m_buffer(settings.maxHeaderBytes + settings.maxBodyBytes + kBufferSlack)
    , m_router(router)
    , m_settings(settings)
    , m_registry(std::move(registry))
    , m_openedAt(std::chrono::steady_clock::now())
{
}

template <class Stream>
BasicHttpConnection<Stream>::~BasicHttpConnection()
{
    m_registry->remove(this);
}

template <class Stream>
void BasicHttpConnection<Stream>::start()
{
    m_registry->add(this->shared_from_this());
    if constexpr (kTls) {
        // A client that connects and says nothing gets the handshake deadline, not the idle one.
        tcp().expires_after(m_settings.handshakeTimeout);
        m_stream.async_handshake(asio::ssl::stream_base::server,
                                 beast::bind_front_handler(&BasicHttpConnection::onHandshake, this->shared_from_this()));
    } else {
        waitForRequest();
    }
}

template <class Stream>
void BasicHttpConnection<Stream>::onHandshake(beast::error_code error)
{
    if (error) {
        // Scanners and clients with old TLS versions end here; not worth more than a debug line.
        logDebug("TLS handshake failed", {{"error", error.message()}});
        close();
        return;
    }
    waitForRequest();
}

template <class Stream>
void BasicHttpConnection<Stream>::closeWhenIdle()
{
    asio::post(m_stream.get_executor(), [self = this->shared_from_this()] {
        self->m_draining = true;
        // A client still shaking hands has no request in hand either: it must not delay the shutdown.
        if (self->m_state == State::Idle || self->m_state == State::Handshaking)
            self->close();
    });
}

template <class Stream>
void BasicHttpConnection<Stream>::waitForRequest()
{
    m_state = State::Idle;
    if (m_draining) {
        close();
        return;
    }
    if (m_buffer.size() > 0) { // a pipelined request is already here
        readHeader();
        return;
    }
    // Waiting for a keep-alive client's next request gets the long idle
    // deadline; once its first byte arrives the whole request must follow quickly.
    tcp().expires_after(m_settings.idleTimeout);
    m_stream.async_read_some(m_buffer.prepare(4096),
                             beast::bind_front_handler(&BasicHttpConnection::onFirstBytes, this->shared_from_this()));
}

template <class Stream>
void BasicHttpConnection<Stream>::onFirstBytes(beast::error_code error, std::size_t bytes)
{
    if (error || m_state == State::Closed) {
        close();
        return;
    }
    m_buffer.commit(bytes);
    readHeader();
}

template <class Stream>
void BasicHttpConnection<Stream>::readHeader()
{
    m_state = State::Reading;
    m_parser.emplace();
    m_parser->header_limit(static_cast<std::uint32_t>(m_settings.maxHeaderBytes));
    // No body limit yet: the route decides first, then the size is checked.
    // (Not boost::none: Beast 1.74 compares a declared length against it as "exceeded".)
    m_parser->body_limit(std::numeric_limits<std::uint64_t>::max());
    m_chunkExtensionBytes = 0;
    m_answeringHead = false;
    m_parser->on_chunk_header(m_onChunkHeader);
    tcp().expires_after(m_settings.requestTimeout);
    http::async_read_header(m_stream, m_buffer, *m_parser,
                            beast::bind_front_handler(&BasicHttpConnection::onHeader, this->shared_from_this()));
}

template <class Stream>
void BasicHttpConnection<Stream>::onHeader(beast::error_code error, std::size_t)
{
    if (error) {
        failRequest(error);
        return;
    }
    m_head = headOf(m_parser->get());
    m_answeringHead = m_head.method == "HEAD";
    m_trace = beginTrace(m_head);
    m_bodyUnread = !m_parser->is_done();
    m_state = State::Handling;
    if (auto refusal = framingRefusal(m_head)) {
        writeResponse(std::move(*refusal));
        return;
    }
    auto resolved = m_router.resolve(m_head);
    if (auto* refusal = std::get_if<HttpResponse>(&resolved)) {
        writeResponse(std::move(*refusal));
        return;
    }
    auto& match = std::get<Router::Match>(resolved);
    m_handler = match.handler;
    m_params = std::move(match.params);
    m_headerFieldBytes = fieldBytes(m_parser->get());
    if (!runHeadChecks(match, m_head))
        return;
    const auto length = m_parser->content_length();
    if (length && *length > m_settings.maxBodyBytes) {
        writeResponse(errorResponse(413, "payload_too_large"));
        return;
    }
    readBody();
}

template <class Stream>
bool BasicHttpConnection<Stream>::runHeadChecks(const Router::Match& match, HttpRequest& head)
{
    try {
        if (match.headCheck) {
            if (auto refusal = (*match.headCheck)(head, m_params)) {
                writeResponse(std::move(*refusal));
                return false;
            }
        }
        if (match.deferredHeadCheck)
            return (*match.deferredHeadCheck)(head, m_params, makeRespond());
        return true;
    } catch (const std::exception& error) {
        answerInternalError(error);
        return false;
    }
}

template <class Stream>
void BasicHttpConnection<Stream>::readBody()
{
    m_state = State::Reading;
    m_parser->body_limit(m_settings.maxBodyBytes);
    if (m_bodyUnread && lowercase(m_head.header("expect")) == "100-continue") {
        asio::async_write(m_stream, asio::buffer(kContinue.data(), kContinue.size()),
                          beast::bind_front_handler(&BasicHttpConnection::onContinueSent, this->shared_from_this()));
        return;
    }
    http::async_read(m_stream, m_buffer, *m_parser,
                     beast::bind_front_handler(&BasicHttpConnection::onBody, this->shared_from_this()));
}

template <class Stream>
void BasicHttpConnection<Stream>::onContinueSent(beast::error_code error, std::size_t)
{
    if (error) {
        close();
        return;
    }
    http::async_read(m_stream, m_buffer, *m_parser,
                     beast::bind_front_handler(&BasicHttpConnection::onBody, this->shared_from_this()));
}

template <class Stream>
void BasicHttpConnection<Stream>::onBody(beast::error_code error, std::size_t)
{
    if (error) {
        failRequest(error);
        return;
    }
    m_bodyUnread = false;
    m_state = State::Handling;
    if (fieldBytes(m_parser->get()) > m_headerFieldBytes + kMaxTrailerBytes) {
        auto refusal = errorResponse(400, "bad_request");
        refusal.closeConnection = true;
        writeResponse(std::move(refusal));
        return;
    }
    tcp().expires_never(); // the handler's backend calls carry their own deadlines
    HttpRequest request = std::move(m_head);
    request.body = std::move(m_parser->get().body());
    try {
        (*m_handler)(std::move(request), m_params, makeRespond());
    } catch (const std::exception& error) {
        answerInternalError(error);
    }
}

template <class Stream>
void BasicHttpConnection<Stream>::onChunkHeader(std::uint64_t, beast::string_view extensions, beast::error_code& error)
{
    m_chunkExtensionBytes += extensions.size();
    if (m_chunkExtensionBytes > kMaxChunkExtensionBytes)
        error = http::error::bad_chunk_extension;
}

template <class Stream>
void BasicHttpConnection<Stream>::answerInternalError(const std::exception& error)
{
    // A handler that throws has a bug; the process and its other clients go on.
    logError("request handler failed", {{"error", error.what()}});
    auto response = errorResponse(500, "internal");
    response.closeConnection = true;
    writeResponse(std::move(response));
}

template <class Stream>
void BasicHttpConnection<Stream>::failRequest(beast::error_code error)
{
    // A client that went away or stalled gets no answer; bytes that are not
    // acceptable HTTP get one, then the connection closes.
    if (error == http::error::header_limit) {
        m_bodyUnread = true;
        writeResponse(errorResponse(431, "request_header_fields_too_large"));
    } else if (error == http::error::body_limit) {
        m_bodyUnread = true;
        writeResponse(errorResponse(413, "payload_too_large"));
    } else if (isParseError(error) && error != http::error::end_of_stream && error != http::error::partial_message) {
        m_bodyUnread = true;
        writeResponse(errorResponse(400, "bad_request"));
    } else {
        close();
    }
}

template <class Stream>
Respond BasicHttpConnection<Stream>::makeRespond()
{
    return [self = this->shared_from_this()](HttpResponse response) mutable {
        if (!self) // answered already: the contract is once, a second answer is dropped
            return;
        auto executor = self->m_stream.get_executor();
        // Inline when already on the connection's thread (the usual case: the
        // gate answers there), otherwise queued to it.
        asio::dispatch(executor, [self = std::move(self), response = std::move(response)]() mutable {
            self->writeResponse(std::move(response));
        });
    };
}

template <class Stream>
void BasicHttpConnection<Stream>::writeResponse(HttpResponse response)
{
    if (m_state == State::Closed || m_state == State::Writing)
        return;
    m_state = State::Writing;
    ++m_requestsAnswered;
    finishTrace(m_trace, response, m_settings.accessLog);
    m_trace = {};
    const bool keepAlive = m_parser && m_parser->get().keep_alive() && !response.closeConnection && !m_bodyUnread
                           && !m_draining && m_requestsAnswered < m_settings.maxRequestsPerConnection
                           && std::chrono::steady_clock::now() - m_openedAt < m_settings.maxConnectionAge;
    m_responseText = responseText(response, keepAlive, !m_answeringHead);
    tcp().expires_after(m_settings.writeTimeout);
    asio::async_write(m_stream, asio::buffer(m_responseText),
                      beast::bind_front_handler(&BasicHttpConnection::onWrite, this->shared_from_this(), keepAlive));
}

template <class Stream>
void BasicHttpConnection<Stream>::onWrite(bool keepAlive, beast::error_code error, std::size_t)
{
    m_responseText.clear();
    if (error) {
        close();
        return;
    }
    if (!keepAlive) {
        lingerAndClose();
        return;
    }
    waitForRequest();
}

template <class Stream>
void BasicHttpConnection<Stream>::lingerAndClose()
{
    m_state = State::Closed;
    if constexpr (kTls) {
        // close_notify first: it tells the client the answer is complete and
        // was not cut short. Bounded by the linger time like the rest.
        tcp().expires_after(kLingerTime);
        m_stream.async_shutdown(
            beast::bind_front_handler(&BasicHttpConnection::onTlsShutdown, this->shared_from_this()));
    } else {
        lingerOnTcp();
    }
}

template <class Stream>
void BasicHttpConnection<Stream>::onTlsShutdown(beast::error_code)
{
    // Whether or not the client answered with its own close_notify, the TCP side ends as for plain HTTP.
    lingerOnTcp();
}

template <class Stream>
void BasicHttpConnection<Stream>::lingerOnTcp()
{
    // Closing with unread bytes in the socket makes the kernel send a reset,
    // which can destroy the answer before the client reads it. So: stop
    // sending, swallow what the client still sends (bounded), then close.
    beast::error_code ignored;
    tcp().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    tcp().expires_after(kLingerTime);
    tcp().async_read_some(asio::buffer(m_scratch),
                          beast::bind_front_handler(&BasicHttpConnection::onLinger, this->shared_from_this()));
}

template <class Stream>
void BasicHttpConnection<Stream>::onLinger(beast::error_code error, std::size_t bytes)
{
    m_lingered += bytes;
    if (error || m_lingered > kLingerBytes) {
        beast::error_code ignored;
        tcp().socket().close(ignored);
        return;
    }
    tcp().async_read_some(asio::buffer(m_scratch),
                          beast::bind_front_handler(&BasicHttpConnection::onLinger, this->shared_from_this()));
}

template <class Stream>
void BasicHttpConnection<Stream>::close()
{
    m_state = State::Closed;
    beast::error_code ignored;
    tcp().socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    tcp().socket().close(ignored);
}

template class BasicHttpConnection<PlainStream>;
template class BasicHttpConnection<TlsStream>;

} // namespace mccig::server
