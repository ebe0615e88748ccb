#include "test_tls_session.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <cerrno>
#include <csignal>

namespace mccig::test {
namespace {

std::string openSslErrors()
{
    std::string text;
    while (const unsigned long code = ERR_get_error()) {
        char line[256];
        ERR_error_string_n(code, line, sizeof line);
        text += text.empty() ? line : std::string("; ") + line;
    }
    return text;
}

SSL_CTX* makeContext(const TlsClientOptions& options)
{
    SSL_CTX* context = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nullptr);
    SSL_CTX_load_verify_locations(context, options.caFile.c_str(), nullptr);
    if (!options.certificateFile.empty()) {
        SSL_CTX_use_certificate_chain_file(context, options.certificateFile.c_str());
        SSL_CTX_use_PrivateKey_file(context, options.keyFile.c_str(), SSL_FILETYPE_PEM);
    }
    if (options.onlyVersion != 0) {
        SSL_CTX_set_min_proto_version(context, options.onlyVersion);
        SSL_CTX_set_max_proto_version(context, options.onlyVersion);
        if (options.onlyVersion < TLS1_2_VERSION) // Debian's default level 2 would not even offer these
            SSL_CTX_set_cipher_list(context, "DEFAULT:@SECLEVEL=0");
    }
    return context;
}

} // namespace

TestTlsSession::TestTlsSession(int socket, const TlsClientOptions& options)
    : m_context(makeContext(options), SSL_CTX_free)
    , m_ssl(SSL_new(m_context.get()), SSL_free)
{
    // OpenSSL writes with write(2): a server that already closed would end the test with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(m_ssl.get()), "127.0.0.1");
    SSL_set_fd(m_ssl.get(), socket);
    const int result = SSL_connect(m_ssl.get());
    m_established = result == 1;
    if (!m_established)
        recordError(result);
}

TestTlsSession::~TestTlsSession()
{
    if (m_established)
        SSL_shutdown(m_ssl.get()); // our close_notify; the server's is not waited for
}

void TestTlsSession::recordError(int result)
{
    const int kind = SSL_get_error(m_ssl.get(), result);
    const int savedErrno = errno;
    m_error = openSslErrors();
    if (m_error.empty())
        m_error = kind == SSL_ERROR_SYSCALL ? "connection error (errno " + std::to_string(savedErrno) + ")"
                                            : "SSL error " + std::to_string(kind);
}

bool TestTlsSession::write(const char* data, std::size_t size)
{
    std::size_t sent = 0;
    while (sent < size) {
        const int n = SSL_write(m_ssl.get(), data + sent, static_cast<int>(size - sent));
        if (n <= 0) {
            recordError(n);
            return false;
        }
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

long TestTlsSession::read(char* data, std::size_t size)
{
    const int n = SSL_read(m_ssl.get(), data, static_cast<int>(size));
    if (n > 0)
        return n;
    const int kind = SSL_get_error(m_ssl.get(), n);
    const int savedErrno = errno;
    const bool cutOff = kind == SSL_ERROR_SSL && ERR_GET_REASON(ERR_peek_last_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING;
    recordError(n);
    if (kind == SSL_ERROR_ZERO_RETURN || cutOff) // a close_notify, or (OpenSSL 3) a TCP end without one
        return 0;
    if (kind == SSL_ERROR_SYSCALL && (savedErrno == 0 || savedErrno == ECONNRESET || savedErrno == EPIPE))
        return 0;
    return -1;
}

std::string TestTlsSession::peerSubject() const
{
    X509* certificate = SSL_get1_peer_certificate(m_ssl.get());
    if (!certificate)
        return {};
    BIO* bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, X509_get_subject_name(certificate), 0, XN_FLAG_RFC2253);
    char* text = nullptr;
    const long size = BIO_get_mem_data(bio, &text);
    std::string subject(text, static_cast<std::size_t>(size));
    BIO_free(bio);
    X509_free(certificate);
    return subject;
}

std::string TestTlsSession::peerSerial() const
{
    X509* certificate = SSL_get1_peer_certificate(m_ssl.get());
    if (!certificate)
        return {};
    BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    char* hex = BN_bn2hex(serial);
    std::string text(hex);
    OPENSSL_free(hex);
    BN_free(serial);
    X509_free(certificate);
    return text;
}

} // namespace mccig::test
