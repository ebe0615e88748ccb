#pragma once

#include "reply_builder.h"

#include <hiredis/read.h>

#include <optional>
#include <string>

namespace mccig {

// A reply being built: what hiredis's reader carries as its privdata while
// builderReplyFunctions() are installed.
struct BuildingReply {
    ReplyBuilder& builder;
    std::optional<std::string> refusal; // the text of an error reply
};

// hiredis reply functions that hand each element to the BuildingReply in the
// reader's privdata and allocate nothing: every object they return is that
// BuildingReply, and freeing one does nothing.
redisReplyObjectFunctions* builderReplyFunctions();

} // namespace mccig
