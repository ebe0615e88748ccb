// The rendering half of api_document.h: HTML for the API Docs screen and the
// curl examples.
#include "apidocs/api_document.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

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

QString curlText(const ApiEndpoint& endpoint, const CurlContext& context, bool masked)
{
    const QUrl url = context.serverUrl.isValid() && !context.serverUrl.isEmpty()
                         ? context.serverUrl
                         : QUrl(QStringLiteral("http://127.0.0.1:8080"));
    // Pasted by hand, so "{id}" stays readable rather than percent-encoded.
    const QString target = url.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment) + endpoint.path;
    QString command = QStringLiteral("curl -sS -i");
    if (endpoint.method != QLatin1String("GET"))
        command += QStringLiteral(" -X ") + endpoint.method;
    command += QStringLiteral(" '%1'").arg(target);
    command += authHeader(endpoint.auth, context, masked);
    if (!endpoint.example.isEmpty()) {
        const QByteArray body = QJsonDocument(endpoint.example).toJson(QJsonDocument::Compact);
        command += QStringLiteral(" \\\n  -H 'Content-Type: application/json' \\\n  -d '%1'").arg(QString::fromUtf8(body));
    }
    return command;
}

// The little Markdown the document's descriptions use: paragraphs, "- " lists,
// **bold** and `code`.
QString markdownHtml(const QString& markdown)
{
    static const QRegularExpression bold(QStringLiteral("\\*\\*(.+?)\\*\\*"));
    static const QRegularExpression code(QStringLiteral("`([^`]+)`"));
    QString html;
    bool inList = false;
    for (const QString& line : markdown.split(QLatin1Char('\n'))) {
        QString text = line.toHtmlEscaped();
        text.replace(bold, QStringLiteral("<b>\\1</b>")).replace(code, QStringLiteral("<code>\\1</code>"));
        const bool item = line.startsWith(QLatin1String("- "));
        if (item != inList)
            html += item ? QStringLiteral("<ul>") : QStringLiteral("</ul>");
        inList = item;
        if (item)
            html += QStringLiteral("<li>%1</li>").arg(text.mid(2));
        else if (!line.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(text);
    }
    return inList ? html + QStringLiteral("</ul>") : html;
}

QString table(const QStringList& headings, const QList<QStringList>& rows)
{
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr>");
    for (const QString& heading : headings)
        html += QStringLiteral("<th>%1</th>").arg(heading);
    html += QStringLiteral("</tr>");
    for (const QStringList& row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString& cell : row)
            html += QStringLiteral("<td>%1</td>").arg(cell);
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString fieldsTable(const QList<ApiField>& fields)
{
    if (fields.isEmpty())
        return {};
    QList<QStringList> rows;
    for (const ApiField& field : fields)
        rows.append({QStringLiteral("<code>%1</code>").arg(field.name.toHtmlEscaped()),
                     field.required ? QCoreApplication::translate("ApiDocument", "yes") : QCoreApplication::translate("ApiDocument", "no"), field.rule.toHtmlEscaped()});
    return table({QCoreApplication::translate("ApiDocument", "Field"), QCoreApplication::translate("ApiDocument", "Required"), QCoreApplication::translate("ApiDocument", "Rule")}, rows);
}

QString responsesTable(const QList<DocumentedResponse>& responses)
{
    QList<QStringList> rows;
    for (const DocumentedResponse& response : responses)
        rows.append({QStringLiteral("<b>%1</b>").arg(response.status),
                     QStringLiteral("<code>%1</code>").arg(response.example.toHtmlEscaped()),
                     markdownHtml(response.description)});
    return table({QCoreApplication::translate("ApiDocument", "Status"), QCoreApplication::translate("ApiDocument", "Body"), QCoreApplication::translate("ApiDocument", "When")}, rows);
}

QString endpointHtml(const ApiEndpoint& endpoint, const CurlContext& context, int index)
{
    QString html = QStringLiteral("<h3><a name=\"e%1\"></a><code>%2 %3</code></h3><p><b>%4</b></p>")
                       .arg(index)
                       .arg(endpoint.method, endpoint.path.toHtmlEscaped(), endpoint.summary.toHtmlEscaped());
    html += markdownHtml(endpoint.description);
    for (const QString& alias : endpoint.aliases)
        html += QStringLiteral("<p>%1</p>").arg(QCoreApplication::translate("ApiDocument", "Alias: <code>%1</code>").arg(alias.toHtmlEscaped()));
    html += fieldsTable(endpoint.fields);
    html += QStringLiteral("<p></p>") + responsesTable(endpoint.responses);
    html += QStringLiteral("<pre style=\"background:palette(alternate-base)\">%1</pre><p><a href=\"copy:%2\">%3</a></p>")
                .arg(curlText(endpoint, context, true).toHtmlEscaped())
                .arg(index)
                .arg(QCoreApplication::translate("ApiDocument", "Copy curl command"));
    return html;
}

} // namespace

QString curlFor(const ApiEndpoint& endpoint, const CurlContext& context) { return curlText(endpoint, context, false); }

QStringList curlCommands(const ApiDocument& document, const CurlContext& context)
{
    QStringList commands;
    for (const ApiEndpoint& endpoint : document.endpoints())
        commands.append(curlFor(endpoint, context));
    return commands;
}

QString renderApiHtml(const ApiDocument& document, const CurlContext& context)
{
    const QJsonObject info = document.root.value(QLatin1String("info")).toObject();
    QString html = QStringLiteral("<h1>%1</h1><p>%2</p>")
                       .arg(info.value(QLatin1String("title")).toString().toHtmlEscaped(),
                            info.value(QLatin1String("summary")).toString().toHtmlEscaped());
    html += markdownHtml(info.value(QLatin1String("description")).toString());
    QString group;
    const QList<ApiEndpoint> endpoints = document.endpoints();
    for (int i = 0; i < endpoints.size(); ++i) {
        if (endpoints.at(i).group != group) {
            group = endpoints.at(i).group;
            html += QStringLiteral("<h2>%1</h2>").arg(group.toHtmlEscaped());
            for (const QJsonValue& tag : document.root.value(QLatin1String("tags")).toArray())
                if (tag.toObject().value(QLatin1String("name")).toString() == group)
                    html += markdownHtml(tag.toObject().value(QLatin1String("description")).toString());
        }
        html += endpointHtml(endpoints.at(i), context, i);
    }
    return html;
}

} // namespace mccig::console
