#include "http/server_tls_context.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace mccig::server {
namespace {

namespace ssl = boost::asio::ssl;

// For TLS 1.2: forward secrecy and AEAD only, the order Mozilla's
// "intermediate" profile gives. TLS 1.3 suites are OpenSSL's defaults.
constexpr const char* kTls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                      "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
// Sessions resumed with a client certificate must come from this server's contexts.
constexpr unsigned char kSessionIdContext[] = "mccig-server";

struct BioDeleter {
    void operator()(BIO* bio) const { BIO_free(bio); }
};
struct X509Deleter {
    void operator()(X509* certificate) const { X509_free(certificate); }
};
struct BignumDeleter {
    void operator()(BIGNUM* number) const { BN_free(number); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

Result<std::string> readPemFile(std::string_view what, const std::string& path)
{
    const std::string file = "the " + std::string(what) + " file '" + path + "'";
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored))
        return failure(ErrorKind::Rejected, "cannot read " + file + ": it is a directory");
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        return failure(ErrorKind::Rejected, "cannot read " + file + ": " + std::strerror(errno));
    std::ostringstream contents;
    contents << stream.rdbuf(); // catches read errors; what was read so far is judged below
    if (contents.view().empty())
        return failure(ErrorKind::Rejected, file + " is empty");
    return contents.str();
}

Error unusable(std::string_view what, const std::string& path, const boost::system::error_code& error)
{
    return Error{ErrorKind::Rejected,
                 "the " + std::string(what) + " file '" + path + "' is not usable PEM: " + error.message()};
}

void applyModernDefaults(ssl::context& context)
{
    SSL_CTX* native = context.native_handle();
    SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
    SSL_CTX_set_options(native, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
    SSL_CTX_set_cipher_list(native, kTls12Ciphers);
    SSL_CTX_set_session_id_context(native, kSessionIdContext, sizeof kSessionIdContext - 1);
    // An encrypted key would make OpenSSL ask for a passphrase on the terminal; refuse it instead.
    context.set_password_callback([](std::size_t, ssl::context::password_purpose) { return std::string(); });
}

// Trusts the CA certificates in `pem` for client certificates, and names them
// to clients in the handshake so a client knows which certificate to send.
Result<void> requireClientCertificates(ssl::context& context, const std::string& pem, const std::string& path)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    X509_STORE* store = SSL_CTX_get_cert_store(context.native_handle());
    for (int added = 0;; ++added) {
        const std::unique_ptr<X509, X509Deleter> certificate{PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)};
        if (!certificate) {
            // The end of the file, after at least one certificate, is the only good way out.
            const unsigned long reason = ERR_GET_REASON(ERR_peek_last_error());
            ERR_clear_error();
            if (added > 0 && reason == PEM_R_NO_START_LINE)
                break;
            return failure(ErrorKind::Rejected, "the TLS client CA file '" + path + "' "
                                                    + (added == 0 ? "holds no PEM certificate"
                                                                  : "holds a broken certificate"));
        }
        if (X509_STORE_add_cert(store, certificate.get()) != 1
            || SSL_CTX_add_client_CA(context.native_handle(), certificate.get()) != 1)
            return failure(ErrorKind::Rejected, "the TLS client CA file '" + path + "' holds an unusable certificate");
    }
    context.set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
    return {};
}

Result<std::shared_ptr<ssl::context>> buildContext(const TlsFiles& files)
{
    const auto certificate = readPemFile("TLS certificate", files.certificateFile);
    if (!certificate)
        return std::unexpected(certificate.error());
    const auto key = readPemFile("TLS key", files.keyFile);
    if (!key)
        return std::unexpected(key.error());
    auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
    applyModernDefaults(*context);
    boost::system::error_code error;
    context->use_certificate_chain(boost::asio::buffer(*certificate), error);
    if (error)
        return std::unexpected(unusable("TLS certificate", files.certificateFile, error));
    context->use_private_key(boost::asio::buffer(*key), ssl::context::pem, error);
    if (error && ERR_GET_REASON(static_cast<unsigned long>(error.value())) == X509_R_KEY_VALUES_MISMATCH)
        return failure(ErrorKind::Rejected, "the TLS key in '" + files.keyFile
                                                + "' does not belong to the certificate in '" + files.certificateFile
                                                + "'");
    if (error)
        return std::unexpected(unusable("TLS key", files.keyFile, error));
    if (!files.clientCaFile.empty()) {
        const auto clientCa = readPemFile("TLS client CA", files.clientCaFile);
        if (!clientCa)
            return std::unexpected(clientCa.error());
        if (auto required = requireClientCertificates(*context, *clientCa, files.clientCaFile); !required)
            return std::unexpected(required.error());
    }
    return context;
}

std::string bioText(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(size));
}

} // namespace

Result<std::unique_ptr<ServerTlsContext>> ServerTlsContext::load(const TlsFiles& files)
{
    auto context = buildContext(files);
    if (!context)
        return std::unexpected(context.error());
    return std::unique_ptr<ServerTlsContext>(new ServerTlsContext(files, std::move(*context)));
}

ServerTlsContext::ServerTlsContext(TlsFiles files, std::shared_ptr<Context> context)
    : m_files(std::move(files))
    , m_context(std::move(context))
{
}

std::shared_ptr<ServerTlsContext::Context> ServerTlsContext::current() const
{
    std::lock_guard lock(m_mutex);
    return m_context;
}

Result<void> ServerTlsContext::reload()
{
    auto context = buildContext(m_files);
    if (!context)
        return std::unexpected(context.error());
    std::lock_guard lock(m_mutex);
    m_context = std::move(*context);
    return {};
}

TlsCertificateInfo ServerTlsContext::certificate() const
{
    const auto context = current();
    const X509* certificate = SSL_CTX_get0_certificate(context->native_handle());
    TlsCertificateInfo info;
    BioPtr subject(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(subject.get(), X509_get_subject_name(certificate), 0, XN_FLAG_RFC2253);
    info.subject = bioText(subject.get());
    std::unique_ptr<BIGNUM, BignumDeleter> serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr));
    if (char* hex = BN_bn2hex(serial.get())) {
        info.serial = hex;
        OPENSSL_free(hex);
    }
    BioPtr notAfter(BIO_new(BIO_s_mem()));
    ASN1_TIME_print(notAfter.get(), X509_get0_notAfter(certificate));
    info.notAfter = bioText(notAfter.get());
    return info;
}

} // namespace mccig::server
