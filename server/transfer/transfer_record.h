#pragma once

#include "mccig/core/result.h"
#include "mccig/domain/conversation_event.h"
#include "mccig/ports/dead_letter_queue.h"

#include <string>
#include <string_view>
#include <variant>

namespace mccig::server {

// The export file (docs/embedded-backend.md "Moving to Redis + PostgreSQL"):
// NDJSON, one JSON object a line. The first line is the header
//   {"format":"mccig-export","version":1,"backend":"embedded","exportedAt":"…"}
// and every other line one record:
//   {"type":"event","event":{…}}             a stored event (API.md §4)
//   {"type":"deadLetter","deadLetter":{…}}   a dead letter (API.md §5 "dlq")
inline constexpr int kTransferFormatVersion = 1;

struct TransferHeader {
    int version = kTransferFormatVersion;
    std::string backend;    // the backend exported from
    std::string exportedAt; // RFC 3339 UTC
};

using TransferRecord = std::variant<ConversationEvent, DeadLetter>;

std::string headerLine(const TransferHeader& header);
std::string recordLine(const ConversationEvent& event);
std::string recordLine(const DeadLetter& letter);

// A line that is not JSON, not a header of a version this build reads, or
// not a well-formed record is ErrorKind::Rejected with the reason.
Result<TransferHeader> parseHeaderLine(std::string_view line);
Result<TransferRecord> parseRecordLine(std::string_view line);

} // namespace mccig::server
