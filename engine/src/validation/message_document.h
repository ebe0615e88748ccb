#pragma once

#include "mccig/validation/message_validator.h"

#include <simdjson.h>

#include <optional>
#include <string>

namespace mccig {

// The parser owns the memory the root element points into.
struct MessageBody::Document {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    // Set when the text has a "\u0000" escape somewhere (a cheap search of the
    // raw text), so only those bodies pay for a walk over every string.
    bool mayHoldNul = false;
    // Valid JSON holding a number we cannot keep exactly: no tree, only its path.
    std::optional<std::string> oversizedNumberPath;
};

} // namespace mccig
