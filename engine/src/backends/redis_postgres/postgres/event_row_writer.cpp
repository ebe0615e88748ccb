#include "mccig/postgres/event_row_writer.h"

#include "copy_text.h"
#include "ports/queued_event_reader.h"

namespace mccig {

EventRowWriter::EventRowWriter() : m_reader(std::make_unique<QueuedEventReader>()) {}

EventRowWriter::~EventRowWriter() = default;

Result<void> EventRowWriter::append(std::string_view eventJson, std::string& rows)
{
    const auto event = m_reader->read(eventJson);
    if (!event)
        return std::unexpected(event.error());
    appendCopyField(rows, event->id, '\t');
    appendCopyField(rows, event->tenantId, '\t');
    appendCopyField(rows, event->providerMessageId, '\t');
    appendCopyField(rows, channelName(event->channel), '\t');
    appendCopyField(rows, event->content, '\t');
    appendCopyField(rows, event->rawMetadata, '\t');
    appendCopyField(rows, event->createdAt, '\n');
    return {};
}

} // namespace mccig
