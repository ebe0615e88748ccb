#pragma once

#include <QString>
#include <QStringList>

namespace mccig::test {

// A certificate and its key, as PEM files.
struct IssuedCertificate {
    QString certificateFile;
    QString keyFile;
};

// A certificate authority made for one test run in a directory of its own
// (ECDSA P-256 keys, valid two days), with the `openssl` command line. It
// issues server certificates for 127.0.0.1 and client certificates. A step
// that fails logs openssl's output as a warning and leaves valid() false or
// the issued file names empty, for the calling test to check.
class ThrowawayCa {
public:
    // `directory` must exist and outlive the files; `name` tells CAs apart in it.
    ThrowawayCa(const QString& directory, const QString& name);

    bool valid() const { return m_valid; }
    QString certificateFile() const { return m_root.certificateFile; }

    // A server certificate for IP 127.0.0.1 with this common name and serial (hexadecimal).
    IssuedCertificate issueServer(const QString& commonName, const QString& serialHex) const;
    // A client certificate with this common name.
    IssuedCertificate issueClient(const QString& commonName) const;

private:
    IssuedCertificate issue(const QString& commonName, const QString& serialHex, const QString& extensions) const;

    QString m_directory;
    QString m_name;
    IssuedCertificate m_root;
    bool m_valid = false;
};

// Runs `openssl` with these arguments; false (and a warning with its output) when it fails.
bool runOpenSsl(const QStringList& arguments);

} // namespace mccig::test
