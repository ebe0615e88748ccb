#include "ports/queued_event_reader.h"

#include "mccig/core/time_format.h"
#include "mccig/core/uuid.h"

#include <simdjson.h>

#include <optional>

namespace mccig {
namespace {

// An event's fields as read, pointing into the parser's buffers.
struct EventFields {
    std::optional<std::string_view> id;
    std::optional<std::string_view> tenantId;
    std::optional<std::string_view> providerMessageId;
    std::optional<std::string_view> channel;
    std::optional<std::string_view> content;
    std::optional<std::string_view> createdAt;
    std::optional<std::string_view> rawMetadata; // the object's JSON text
};

std::optional<std::string_view>* stringField(EventFields& fields, std::string_view key)
{
    if (key == "id")
        return &fields.id;
    if (key == "tenantId")
        return &fields.tenantId;
    if (key == "providerMessageId")
        return &fields.providerMessageId;
    if (key == "channel")
        return &fields.channel;
    if (key == "content")
        return &fields.content;
    if (key == "createdAt")
        return &fields.createdAt;
    return nullptr;
}

// A repeated key counts as its last occurrence, as in eventFromJson().
simdjson::error_code readField(simdjson::ondemand::field& field, EventFields& fields)
{
    std::string_view key;
    if (auto error = field.unescaped_key().get(key))
        return error;
    if (auto* target = stringField(fields, key)) {
        std::string_view text;
        if (auto error = field.value().get_string().get(text))
            return error;
        *target = text;
    } else if (key == "rawMetadata") {
        simdjson::ondemand::object metadata;
        std::string_view text;
        if (auto error = field.value().get_object().get(metadata))
            return error;
        if (auto error = metadata.raw_json().get(text))
            return error;
        fields.rawMetadata = text;
    }
    return simdjson::SUCCESS;
}

simdjson::error_code readEvent(simdjson::ondemand::parser& parser, simdjson::padded_string_view json,
                               EventFields& fields)
{
    simdjson::ondemand::document document;
    if (auto error = parser.iterate(json).get(document))
        return error;
    simdjson::ondemand::object object;
    if (auto error = document.get_object().get(object))
        return error;
    for (auto result : object) {
        simdjson::ondemand::field field;
        if (auto error = std::move(result).get(field))
            return error;
        if (auto error = readField(field, fields))
            return error;
    }
    // Nothing may follow the object (on-demand does not check that by itself).
    return document.current_location().error() == simdjson::OUT_OF_BOUNDS ? simdjson::SUCCESS
                                                                           : simdjson::TRAILING_CONTENT;
}

} // namespace

struct QueuedEventReader::Parsers {
    simdjson::ondemand::parser event;
    simdjson::dom::parser metadata; // checks all of rawMetadata, which on-demand only skips over
    std::string padded;             // the event JSON followed by simdjson's padding
};

QueuedEventReader::QueuedEventReader() : m_parsers(std::make_unique<Parsers>()) {}

QueuedEventReader::~QueuedEventReader() = default;

Result<StorableEvent> QueuedEventReader::read(std::string_view eventJson)
{
    auto& parsers = *m_parsers;
    parsers.padded.assign(eventJson);
    parsers.padded.resize(eventJson.size() + simdjson::SIMDJSON_PADDING);
    EventFields fields;
    if (readEvent(parsers.event, simdjson::padded_string_view(parsers.padded.data(), eventJson.size(), parsers.padded.size()),
                  fields)
        != simdjson::SUCCESS)
        return failure(ErrorKind::Rejected, "event is not a JSON object of the event's fields");
    for (const auto* field : {&fields.id, &fields.tenantId, &fields.providerMessageId, &fields.channel,
                              &fields.content, &fields.createdAt, &fields.rawMetadata}) {
        if (!field->has_value())
            return failure(ErrorKind::Rejected, "event field missing");
    }
    const auto channel = parseChannel(*fields.channel);
    const auto createdAt = parseRfc3339(*fields.createdAt);
    // The metadata text lies inside the padded buffer, so the parser may read past its end.
    const bool metadataValid =
        parsers.metadata.parse(fields.rawMetadata->data(), fields.rawMetadata->size(), false).error()
        == simdjson::SUCCESS;
    if (!isUuid(*fields.id) || !channel || !createdAt || !metadataValid)
        return failure(ErrorKind::Rejected, "event has a malformed id, channel, createdAt or rawMetadata");
    // Re-formatted rather than copied: the stored form is always UTC with microseconds.
    return StorableEvent{*fields.id,      *fields.tenantId,    *fields.providerMessageId, *channel,
                         *fields.content, *fields.rawMetadata, formatUtc(*createdAt)};
}

} // namespace mccig
