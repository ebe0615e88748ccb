#pragma once

#include "backend/api_request.h"

#include <QObject>
#include <QUrl>

namespace mccig::console {

class PendingCall;

// The seam between the console and "a backend": everything the screens do
// goes through send(), which speaks the server's API (API.md §3, §5) as
// requests and responses. HttpBackend carries them to a mccig-server; an
// embedded backend would run the engine in-process and hand them to the
// server's transport-neutral router (server/http/router.h) instead.
//
// Lives on the GUI thread and must be called from it. send() never blocks:
// the PendingCall it returns is owned by the backend, reports on the calling
// thread and deletes itself after finished().
class ConsoleBackend : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~ConsoleBackend() override = default;

    virtual PendingCall* send(const ApiRequest& request) = 0;

    // Where a human would point curl at: the server's base URL, or empty
    // when the backend has no network address.
    virtual QUrl baseUrl() const = 0;
};

} // namespace mccig::console
