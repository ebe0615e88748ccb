#include "playground/payload_check.h"

#include "mccig/validation/message_validator.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

namespace mccig::console {
namespace {

int lineAtOffset(const QByteArray& text, qsizetype offset)
{
    return int(text.left(offset).count('\n')) + 1;
}

} // namespace

int lineOfPath(const QByteArray& text, const QString& path)
{
    static const QRegularExpression kIndex(QStringLiteral("\\[\\d+\\]"));
    QString last = path.section(QLatin1Char('.'), -1);
    last.remove(kIndex);
    if (last.isEmpty())
        return 0;
    const qsizetype at = text.indexOf(QByteArray("\"") + last.toUtf8() + "\"");
    return at < 0 ? 0 : lineAtOffset(text, at);
}

QList<PayloadIssue> checkPayload(const QString& channel, const QByteArray& text)
{
    const auto parsedChannel = parseChannel(channel.toStdString());
    if (!parsedChannel)
        return {{QString(), QCoreApplication::translate("PayloadCheck", "unknown channel \"%1\"").arg(channel), 0}};
    QJsonParseError syntax;
    QJsonDocument::fromJson(text, &syntax);
    if (syntax.error != QJsonParseError::NoError) {
        return {{QString(),
                 QCoreApplication::translate("PayloadCheck", "JSON: %1").arg(syntax.errorString()),
                 lineAtOffset(text, syntax.offset)}};
    }
    const auto body = MessageBody::parse(std::string_view(text.constData(), std::size_t(text.size())));
    if (!body)
        return {{QString(), QCoreApplication::translate("PayloadCheck", "JSON: not parseable"), 0}};
    const auto validated = validateMessage(*parsedChannel, *body);
    if (validated)
        return {};
    QList<PayloadIssue> issues;
    for (const Violation& violation : validated.error()) {
        const QString path = QString::fromStdString(violation.path);
        issues.append({path, QString::fromStdString(violation.message), lineOfPath(text, path)});
    }
    return issues;
}

} // namespace mccig::console
