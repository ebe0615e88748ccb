#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace mccig::console {

// One problem found in a playground payload: a JSON syntax error (path
// empty) or a broken rule, with the 1-based line the editor should mark
// (0 when no line can be pointed at).
struct PayloadIssue {
    QString path;
    QString message;
    int line = 0;

    friend bool operator==(const PayloadIssue&, const PayloadIssue&) = default;
};

// Checks `text` for `channel` ("sms", "chat", "voice") with the engine's own
// validator (mccig::validateMessage), so the playground flags exactly what
// the server would reject with 400. An unknown channel is one issue. Pure;
// any thread.
QList<PayloadIssue> checkPayload(const QString& channel, const QByteArray& text);

// The line of `text` holding the key of the last segment of `path`
// ("sender.id" -> the line with "id"), or 0.
int lineOfPath(const QByteArray& text, const QString& path);

} // namespace mccig::console
