#pragma once

#include "config/server_config.h"
#include "mccig/core/result.h"

#include <boost/asio/ssl/context.hpp>

#include <memory>
#include <mutex>
#include <string>

namespace mccig::server {

// What the log says about the certificate in use.
struct TlsCertificateInfo {
    std::string subject;  // one line, RFC 2253 ("CN=gateway.example,O=...")
    std::string serial;   // hexadecimal
    std::string notAfter; // "Nov 28 12:00:00 2027 GMT"
};

// The TLS side of the HTTPS listener, built from its PEM files: TLS 1.2 or
// newer, the server's cipher order, no compression, no renegotiation. With a
// client CA, every client must present a certificate that CA signed.
//
// reload() rereads the files (on SIGHUP) and swaps in a new context only when
// they are all good: connections accepted from then on get the new one, open
// connections keep theirs (each holds a share of its context). A bad reload
// leaves the context in use untouched. current() and reload() may be called
// from any thread.
class ServerTlsContext {
public:
    using Context = boost::asio::ssl::context;

    // Reads and checks the files; the error names the file and what is wrong with it.
    static Result<std::unique_ptr<ServerTlsContext>> load(const TlsFiles& files);

    std::shared_ptr<Context> current() const;
    TlsCertificateInfo certificate() const;
    Result<void> reload();

private:
    ServerTlsContext(TlsFiles files, std::shared_ptr<Context> context);

    const TlsFiles m_files;
    mutable std::mutex m_mutex; // guards m_context: the acceptor reads it, SIGHUP replaces it
    std::shared_ptr<Context> m_context;
};

} // namespace mccig::server
