#pragma once

#include "mccig/validation/message_validator.h"

#include <simdjson.h>

namespace mccig {

// The parser owns the memory the root element points into.
struct MessageBody::Document {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
};

} // namespace mccig
