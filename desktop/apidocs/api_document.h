#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <expected>

namespace mccig::console {

// One row of an endpoint's field table: a request-body field or a query parameter.
struct ApiField {
    QString name;
    bool required = false;
    QString rule; // the schema in words: type, pattern, limits, choices, description
};

struct DocumentedResponse {
    QString status;
    QString description;
    QString example; // compact JSON, or the text example of a non-JSON answer
};

// One operation of the OpenAPI document, with its $refs resolved.
struct ApiEndpoint {
    QString group; // the operation's first tag
    QString method;
    QString path;
    QString summary;
    QString description;
    QString auth;             // "tenant", "admin" or empty: from the operation's security
    QStringList aliases;      // other paths of the same operation (x-alias-of)
    QList<ApiField> fields;   // query parameters, then body fields
    QJsonObject example;      // the request body example, empty when there is no body
    QList<DocumentedResponse> responses;
};

// The API reference as kept in resources/openapi.json (OpenAPI 3.1): the one
// contract the server serves at /openapi.json, the package ships and the
// console renders.
struct ApiDocument {
    QJsonObject root;

    // Grouped in the order of the document's tags; inside a group by path, then
    // GET, POST, DELETE. Aliases are folded into the operation they repeat.
    QList<ApiEndpoint> endpoints() const;
};

// What the curl examples are filled with.
struct CurlContext {
    QUrl serverUrl;
    QString adminKey;
    QString tenantKey;
};

std::expected<ApiDocument, QString> loadApiDocument(const QString& path);

// A ready-to-paste curl command for one endpoint. Path captures ("{id}") are
// left for the user to fill in.
QString curlFor(const ApiEndpoint& endpoint, const CurlContext& context);

// The whole reference as HTML; each curl block is followed by a link
// "copy:N" whose N indexes curlCommands(). Secrets are masked on screen and
// present only in the copied text.
QString renderApiHtml(const ApiDocument& document, const CurlContext& context);
QStringList curlCommands(const ApiDocument& document, const CurlContext& context);

} // namespace mccig::console
