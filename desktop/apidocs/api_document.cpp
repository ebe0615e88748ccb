#include "apidocs/api_document.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>

namespace mccig::console {
namespace {

const QStringList kMethods{QStringLiteral("get"), QStringLiteral("post"), QStringLiteral("put"),
                           QStringLiteral("patch"), QStringLiteral("delete")};

// Follows local "$ref": "#/components/..." pointers; the document has no others.
QJsonObject resolved(const QJsonObject& root, QJsonObject object)
{
    for (int depth = 0; depth < 16 && object.contains(QLatin1String("$ref")); ++depth) {
        const QString ref = object.value(QLatin1String("$ref")).toString();
        if (!ref.startsWith(QLatin1String("#/")))
            break;
        QJsonValue target = root;
        for (const QString& part : ref.mid(2).split(QLatin1Char('/')))
            target = target.toObject().value(part);
        object = target.toObject();
    }
    return object;
}

QString compactJson(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

// A field's schema in words, e.g. "string, 1–128 chars, pattern ^…$".
QString ruleOf(const QJsonObject& root, const QJsonObject& schemaIn)
{
    QJsonObject schema = resolved(root, schemaIn);
    if (schema.contains(QLatin1String("allOf")))
        schema = resolved(root, schema.value(QLatin1String("allOf")).toArray().first().toObject());
    QStringList parts;
    const QJsonValue type = schema.value(QLatin1String("type"));
    if (type.isString())
        parts << type.toString();
    const auto bound = [&](const char* low, const char* high, const QString& unit) {
        const QJsonValue min = schema.value(QLatin1String(low));
        const QJsonValue max = schema.value(QLatin1String(high));
        if (!min.isUndefined() && !max.isUndefined())
            parts << QStringLiteral("%1–%2%3").arg(min.toInteger()).arg(max.toInteger()).arg(unit);
        else if (!max.isUndefined())
            parts << QStringLiteral("≤ %1%2").arg(max.toInteger()).arg(unit);
    };
    bound("minLength", "maxLength", QStringLiteral(" chars"));
    bound("minItems", "maxItems", QStringLiteral(" items"));
    bound("minimum", "maximum", QString());
    if (schema.contains(QLatin1String("pattern")))
        parts << schema.value(QLatin1String("pattern")).toString();
    if (schema.contains(QLatin1String("enum")))
        parts << compactJson(schema.value(QLatin1String("enum")));
    const QString description = schemaIn.value(QLatin1String("description")).toString();
    parts << (description.isEmpty() ? schema.value(QLatin1String("description")).toString() : description);
    parts.removeAll(QString());
    return parts.join(QStringLiteral(", "));
}

QList<ApiField> fieldsOf(const QJsonObject& root, const QJsonObject& operation)
{
    QList<ApiField> fields;
    for (const QJsonValue& value : operation.value(QLatin1String("parameters")).toArray()) {
        const QJsonObject parameter = resolved(root, value.toObject());
        fields.append({parameter.value(QLatin1String("name")).toString(),
                       parameter.value(QLatin1String("required")).toBool(),
                       ruleOf(root, parameter.value(QLatin1String("schema")).toObject()) + QStringLiteral(" (")
                           + parameter.value(QLatin1String("in")).toString() + QLatin1Char(')')});
    }
    const QJsonObject body = resolved(root, operation.value(QLatin1String("requestBody")).toObject());
    const QJsonObject schema = resolved(
        root, body.value(QLatin1String("content")).toObject().value(QLatin1String("application/json")).toObject().value(QLatin1String("schema")).toObject());
    const QJsonArray required = schema.value(QLatin1String("required")).toArray();
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it)
        fields.append({it.key(), required.contains(it.key()), ruleOf(root, it.value().toObject())});
    return fields;
}

QList<DocumentedResponse> responsesOf(const QJsonObject& root, const QJsonObject& operation)
{
    QList<DocumentedResponse> responses;
    const QJsonObject all = operation.value(QLatin1String("responses")).toObject();
    for (auto it = all.begin(); it != all.end(); ++it) {
        const QJsonObject response = resolved(root, it.value().toObject());
        const QJsonObject content = response.value(QLatin1String("content")).toObject();
        QString example;
        if (!content.isEmpty()) {
            const QJsonObject media = content.begin().value().toObject();
            if (media.contains(QLatin1String("example")))
                example = compactJson(media.value(QLatin1String("example")));
            else if (media.contains(QLatin1String("examples")))
                example = compactJson(media.value(QLatin1String("examples")).toObject().begin().value().toObject().value(QLatin1String("value")));
        }
        responses.append({it.key(), response.value(QLatin1String("description")).toString(), example});
    }
    return responses;
}

QString authOf(const QJsonObject& operation)
{
    const QString schemes = compactJson(operation.value(QLatin1String("security")));
    if (schemes.contains(QLatin1String("admin")))
        return QStringLiteral("admin");
    if (schemes.contains(QLatin1String("tenant")))
        return QStringLiteral("tenant");
    return {};
}

ApiEndpoint endpointOf(const QJsonObject& root, const QString& path, const QString& method, const QJsonObject& operation)
{
    ApiEndpoint endpoint;
    endpoint.group = operation.value(QLatin1String("tags")).toArray().first().toString();
    endpoint.method = method.toUpper();
    endpoint.path = path;
    endpoint.summary = operation.value(QLatin1String("summary")).toString();
    endpoint.description = operation.value(QLatin1String("description")).toString();
    endpoint.auth = authOf(operation);
    endpoint.fields = fieldsOf(root, operation);
    endpoint.example = resolved(root, operation.value(QLatin1String("requestBody")).toObject())
                           .value(QLatin1String("content")).toObject()
                           .value(QLatin1String("application/json")).toObject()
                           .value(QLatin1String("example")).toObject();
    endpoint.responses = responsesOf(root, operation);
    return endpoint;
}

} // namespace

QList<ApiEndpoint> ApiDocument::endpoints() const
{
    QStringList tags;
    for (const QJsonValue& tag : root.value(QLatin1String("tags")).toArray())
        tags << tag.toObject().value(QLatin1String("name")).toString();
    QList<ApiEndpoint> list;
    QList<std::pair<QString, QString>> aliases; // alias path, the path it repeats
    const QJsonObject paths = root.value(QLatin1String("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (const QString& method : kMethods) {
            const QJsonObject operation = item.value(method).toObject();
            if (operation.isEmpty())
                continue;
            if (operation.contains(QLatin1String("x-alias-of")))
                aliases.append({path.key(), operation.value(QLatin1String("x-alias-of")).toString()});
            else
                list.append(endpointOf(root, path.key(), method, operation));
        }
    }
    for (const auto& [alias, original] : aliases) {
        for (ApiEndpoint& endpoint : list)
            if (endpoint.path == original)
                endpoint.aliases << alias;
    }
    // Stable: QJsonObject already iterates paths sorted, methods in kMethods order.
    std::stable_sort(list.begin(), list.end(), [&](const ApiEndpoint& a, const ApiEndpoint& b) {
        return tags.indexOf(a.group) < tags.indexOf(b.group);
    });
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
    if (!document.object().value(QLatin1String("openapi")).toString().startsWith(QLatin1String("3."))
        || !document.object().value(QLatin1String("paths")).isObject())
        return std::unexpected(QCoreApplication::translate("ApiDocument", "the document is not OpenAPI 3"));
    return ApiDocument{document.object()};
}

} // namespace mccig::console
