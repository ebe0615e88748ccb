#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;

namespace mccig::console {

class ConsoleSession;
struct ApiResponse;

// The About box: the console's version, the Qt it was built with and runs
// on, the connected server's version (asked with GET /healthz when the box
// opens) and the licence. GUI thread only.
class AboutBox final : public QDialog {
    Q_OBJECT
public:
    // `session` may be null (not connected).
    explicit AboutBox(ConsoleSession* session, QWidget* parent = nullptr);

    // The box's text as shown (rich text).
    QString text() const;

    // The server's version from a /healthz answer; empty when the answer has none.
    static QString serverVersionFrom(const ApiResponse& response);

signals:
    // The server's line changed (its version arrived, or the request failed).
    void serverLineChanged();

private:
    void onHealth(const ApiResponse& response);
    void render();

    QPointer<ConsoleSession> m_session;
    QLabel* m_text = nullptr;
    QString m_serverLine;
};

} // namespace mccig::console
