#pragma once

#include "mccig/domain/conversation_event.h"

#include <string>
#include <vector>

namespace mccig::bench {

// The COPY text-format data of conversation_events rows for these events.
std::string copyData(const std::vector<ConversationEvent>& events);

// Runs one COPY conversation_events FROM STDIN with `data`; false (and a
// message on stderr) on failure. Blocking; no timeout: a benchmark tool.
bool copyRows(const std::string& databaseUrl, const std::string& data);

// Runs one SQL command on a fresh connection; false on failure.
bool execute(const std::string& databaseUrl, const std::string& sql);

} // namespace mccig::bench
