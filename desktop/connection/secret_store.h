#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace mccig::console {

// Port: where a profile's secrets live. Reads and writes are asynchronous
// (a platform keychain may ask the user or talk over D-Bus); callbacks run on
// the GUI thread. `isSecure()` tells the UI whether secrets stay out of plain
// text, so it can warn when they do not.
class SecretStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~SecretStore() override = default;

    using ReadCallback = std::function<void(bool found, const QString& secret)>;
    using WriteCallback = std::function<void(bool ok, const QString& error)>;

    virtual void read(const QString& name, ReadCallback done) = 0;
    virtual void write(const QString& name, const QString& secret, WriteCallback done) = 0;
    virtual void remove(const QString& name) = 0;
    virtual bool isSecure() const = 0;
    // Shown in the UI: "system keychain", or where plain-text secrets go.
    virtual QString description() const = 0;
};

} // namespace mccig::console
