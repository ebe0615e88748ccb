#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mccig::console {

// The sample payloads shipped in resources/desktop/templates, one per channel.
QStringList channelNames();
// The template for `channel` with a fresh providerMessageId, pretty-printed;
// empty for an unknown channel.
QByteArray payloadTemplate(const QString& channel);
// A new providerMessageId ("pg-<ms>-<random>"), valid by the server's rules.
QString freshProviderMessageId();
// `payload` with its providerMessageId replaced; unchanged if it is not a JSON object.
QByteArray withProviderMessageId(const QByteArray& payload, const QString& id);
// The providerMessageId of `payload`, or empty.
QString providerMessageIdOf(const QByteArray& payload);

} // namespace mccig::console
