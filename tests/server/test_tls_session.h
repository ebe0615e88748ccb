#pragma once

#include <cstddef>
#include <memory>
#include <string>

using SSL = struct ssl_st;
using SSL_CTX = struct ssl_ctx_st;

namespace mccig::test {

// How a test client speaks TLS. It always verifies the server: against
// `caFile`, for the address 127.0.0.1.
struct TlsClientOptions {
    std::string caFile;
    std::string certificateFile; // a client certificate, for mutual TLS (with keyFile)
    std::string keyFile;
    // Offer exactly this protocol version (TLS1_VERSION ... TLS1_3_VERSION);
    // 0: whatever OpenSSL offers by default (1.2 and 1.3). Old versions are
    // offered for real: the client drops to security level 0 for them.
    int onlyVersion = 0;
};

// One client-side TLS session over a connected blocking socket, made with the
// OpenSSL API so a test controls exactly what is offered. The socket's own
// receive timeout bounds every read. Not thread-safe.
class TestTlsSession {
public:
    // Shakes hands at once; see established() and error().
    TestTlsSession(int socket, const TlsClientOptions& options);
    ~TestTlsSession();
    TestTlsSession(const TestTlsSession&) = delete;
    TestTlsSession& operator=(const TestTlsSession&) = delete;

    bool established() const { return m_established; }
    // What OpenSSL said about the last failure (handshake, read or write).
    const std::string& error() const { return m_error; }

    bool write(const char* data, std::size_t size);
    // Bytes read (> 0); 0 when the server ended the session or the connection;
    // -1 on a timeout or an error.
    long read(char* data, std::size_t size);

    // The server certificate's subject (RFC 2253) and serial (hexadecimal).
    std::string peerSubject() const;
    std::string peerSerial() const;

private:
    void recordError(int result);

    std::unique_ptr<SSL_CTX, void (*)(SSL_CTX*)> m_context;
    std::unique_ptr<SSL, void (*)(SSL*)> m_ssl;
    bool m_established = false;
    std::string m_error;
};

} // namespace mccig::test
