#pragma once

#include "apidocs/api_document.h"
#include "app/console_screen.h"

#include <QPointer>

class QLabel;
class QLineEdit;
class QListWidget;
class QTextBrowser;

namespace mccig::console {

// API Docs: the endpoints, fields, rules and status codes, rendered from the
// OpenAPI document resources/openapi.json, with curl examples filled with the
// current connection (secrets masked on screen, real in the clipboard).
class ApiDocsScreen final : public ConsoleScreen {
    Q_OBJECT
public:
    explicit ApiDocsScreen(QWidget* parent = nullptr);

    void setSession(ConsoleSession* session) override;

    QString html() const;
    QStringList curlCommands() const;
    // Puts curl example `index` on the clipboard; false for a bad index.
    bool copyCurl(int index);

    static constexpr const char* kDocumentPath = ":/openapi.json";

private:
    CurlContext context() const;
    void render();

    QPointer<ConsoleSession> m_session;
    std::expected<ApiDocument, QString> m_document;
    QListWidget* m_index = nullptr;
    QTextBrowser* m_browser = nullptr;
    QLabel* m_copied = nullptr;
};

} // namespace mccig::console
