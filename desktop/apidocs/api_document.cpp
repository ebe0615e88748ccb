#include "apidocs/api_document.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace mccig::console {
namespace {

QString maskedKey(const QString& key)
{
    return key.isEmpty() ? QString() : key.left(2) + QStringLiteral("••••••");
}

QString authHeader(const QString& auth, const CurlContext& context, bool masked)
{
    QString key;
    if (auth == QLatin1String("admin"))
        key = context.adminKey.isEmpty() ? QStringLiteral("$MCCIG_ADMIN_KEY") : context.adminKey;
    else if (auth == QLatin1String("tenant"))
        key = context.tenantKey.isEmpty() ? QStringLiteral("$MCCIG_API_KEY") : context.tenantKey;
    else
        return {};
    if (masked && !key.startsWith(QLatin1Char('$')))
        key = maskedKey(key);
    return QStringLiteral(" \\\n  -H 'Authorization: Bearer %1'").arg(key);
}

QString curlText(const QJsonObject& endpoint, const CurlContext& context, bool masked)
{
    const QString method = endpoint.value(QLatin1String("method")).toString();
    const QUrl url = context.serverUrl.isValid() && !context.serverUrl.isEmpty() ? context.serverUrl
                                                                           : QUrl(QStringLiteral("http://127.0.0.1:8080"));
    // Pasted by hand, so "{id}" stays readable rather than percent-encoded.
    const QString target = url.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
                           + endpoint.value(QLatin1String("path")).toString();
    QString command = QStringLiteral("curl -sS -i");
    if (method != QLatin1String("GET"))
        command += QStringLiteral(" -X ") + method;
    command += QStringLiteral(" '%1'").arg(target);
    command += authHeader(endpoint.value(QLatin1String("auth")).toString(), context, masked);
    if (endpoint.contains(QLatin1String("example"))) {
        const QByteArray body = QJsonDocument(endpoint.value(QLatin1String("example")).toObject()).toJson(QJsonDocument::Compact);
        command += QStringLiteral(" \\\n  -H 'Content-Type: application/json' \\\n  -d '%1'").arg(QString::fromUtf8(body));
    }
    return command;
}

QString fieldsTable(const QJsonArray& fields)
{
    if (fields.isEmpty())
        return {};
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>%1</th><th>%2</th><th>%3</th></tr>")
                       .arg(QCoreApplication::translate("ApiDocument", "Field"), QCoreApplication::translate("ApiDocument", "Required"), QCoreApplication::translate("ApiDocument", "Rule"));
    for (const QJsonValue& value : fields) {
        const QJsonObject field = value.toObject();
        html += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td><td>%3</td></tr>")
                    .arg(field.value(QLatin1String("name")).toString().toHtmlEscaped(),
                         field.value(QLatin1String("required")).toBool() ? QCoreApplication::translate("ApiDocument", "yes") : QCoreApplication::translate("ApiDocument", "no"),
                         field.value(QLatin1String("rule")).toString().toHtmlEscaped());
    }
    return html + QStringLiteral("</table>");
}

QString responsesTable(const QJsonArray& responses)
{
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>%1</th><th>%2</th><th>%3</th></tr>")
                       .arg(QCoreApplication::translate("ApiDocument", "Status"), QCoreApplication::translate("ApiDocument", "Body"), QCoreApplication::translate("ApiDocument", "When"));
    for (const QJsonValue& value : responses) {
        const QJsonObject response = value.toObject();
        html += QStringLiteral("<tr><td><b>%1</b></td><td><code>%2</code></td><td>%3</td></tr>")
                    .arg(response.value(QLatin1String("status")).toInt())
                    .arg(response.value(QLatin1String("body")).toString().toHtmlEscaped(),
                         response.value(QLatin1String("when")).toString().toHtmlEscaped());
    }
    return html + QStringLiteral("</table>");
}

QString listOf(const QJsonArray& items)
{
    QString html = QStringLiteral("<ul>");
    for (const QJsonValue& item : items)
        html += QStringLiteral("<li>%1</li>").arg(item.toString().toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

QString endpointHtml(const QJsonObject& endpoint, const CurlContext& context, int index)
{
    QString html = QStringLiteral("<h3><a name=\"e%1\"></a><code>%2 %3</code></h3><p>%4</p>")
                       .arg(index)
                       .arg(endpoint.value(QLatin1String("method")).toString(),
                            endpoint.value(QLatin1String("path")).toString().toHtmlEscaped(),
                            endpoint.value(QLatin1String("summary")).toString().toHtmlEscaped());
    if (endpoint.contains(QLatin1String("alias")))
        html += QStringLiteral("<p>%1</p>").arg(QCoreApplication::translate("ApiDocument", "Alias: <code>%1</code>").arg(endpoint.value(QLatin1String("alias")).toString()));
    if (endpoint.contains(QLatin1String("query")))
        html += QStringLiteral("<p>%1</p>").arg(QCoreApplication::translate("ApiDocument", "Query: <code>%1</code>").arg(endpoint.value(QLatin1String("query")).toString().toHtmlEscaped()));
    html += fieldsTable(endpoint.value(QLatin1String("fields")).toArray());
    html += QStringLiteral("<p></p>") + responsesTable(endpoint.value(QLatin1String("responses")).toArray());
    html += QStringLiteral("<pre style=\"background:palette(alternate-base)\">%1</pre><p><a href=\"copy:%2\">%3</a></p>")
                .arg(curlText(endpoint, context, true).toHtmlEscaped())
                .arg(index)
                .arg(QCoreApplication::translate("ApiDocument", "Copy curl command"));
    return html;
}

} // namespace

QList<QJsonObject> ApiDocument::endpoints() const
{
    QList<QJsonObject> list;
    for (const QJsonValue& value : root.value(QLatin1String("endpoints")).toArray())
        list.append(value.toObject());
    return list;
}

std::expected<ApiDocument, QString> loadApiDocument(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(file.errorString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(error.errorString());
    if (!document.object().value(QLatin1String("endpoints")).isArray())
        return std::unexpected(QCoreApplication::translate("ApiDocument", "the document has no endpoints"));
    return ApiDocument{document.object()};
}

QString curlFor(const QJsonObject& endpoint, const CurlContext& context) { return curlText(endpoint, context, false); }

QStringList curlCommands(const ApiDocument& document, const CurlContext& context)
{
    QStringList commands;
    for (const QJsonObject& endpoint : document.endpoints())
        commands.append(curlFor(endpoint, context));
    return commands;
}

QString renderApiHtml(const ApiDocument& document, const CurlContext& context)
{
    const QJsonObject& root = document.root;
    QString html = QStringLiteral("<h1>%1</h1><p>%2</p>")
                       .arg(root.value(QLatin1String("title")).toString().toHtmlEscaped(),
                            root.value(QLatin1String("about")).toString().toHtmlEscaped());
    html += QStringLiteral("<h2>%1</h2>").arg(QCoreApplication::translate("ApiDocument", "Authentication")) + listOf(root.value(QLatin1String("authentication")).toArray());
    html += QStringLiteral("<h2>%1</h2><p><code>%2</code></p>")
                .arg(QCoreApplication::translate("ApiDocument", "Order of checks"), root.value(QLatin1String("checkOrder")).toString().toHtmlEscaped());
    html += QStringLiteral("<h2>%1</h2>").arg(QCoreApplication::translate("ApiDocument", "Guarantees")) + listOf(root.value(QLatin1String("guarantees")).toArray());
    QString group;
    const QList<QJsonObject> endpoints = document.endpoints();
    for (int i = 0; i < endpoints.size(); ++i) {
        const QString next = endpoints.at(i).value(QLatin1String("group")).toString();
        if (next != group) {
            group = next;
            html += QStringLiteral("<h2>%1</h2>").arg(group.toHtmlEscaped());
        }
        html += endpointHtml(endpoints.at(i), context, i);
    }
    return html;
}

} // namespace mccig::console
