#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <expected>

namespace mccig::console {

// The API reference as kept in resources/api-docs/mccig-api.json: the single
// source the console renders and the server package ships.
struct ApiDocument {
    QJsonObject root;

    // Endpoints in document order: {group, method, path, auth, summary, fields, responses, example, query}.
    QList<QJsonObject> endpoints() const;
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
QString curlFor(const QJsonObject& endpoint, const CurlContext& context);

// The whole reference as HTML; each curl block is followed by a link
// "copy:N" whose N indexes curlCommands(). Secrets are masked on screen and
// present only in the copied text.
QString renderApiHtml(const ApiDocument& document, const CurlContext& context);
QStringList curlCommands(const ApiDocument& document, const CurlContext& context);

} // namespace mccig::console
