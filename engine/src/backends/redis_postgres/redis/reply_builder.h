#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace mccig {

// Where an element sits in a reply: its index in each enclosing array,
// outermost first; empty for the reply itself.
using ReplyPath = std::span<const int>;

// Takes a reply element by element while hiredis parses it, in place of
// hiredis's reply objects: for large replies such as a batch of stream
// entries, whose thousands of objects cost more to build, walk and free than
// the reading itself. Private to the engine. Error replies never reach a
// builder: the command fails with their text.
class ReplyBuilder {
public:
    virtual ~ReplyBuilder() = default;

    virtual void array(ReplyPath path, std::size_t elements) = 0;
    // A bulk or status string; `text` lives only for the call.
    virtual void string(ReplyPath path, std::string_view text) = 0;
    // Integers and nils say nothing to most builders.
    virtual void integer(ReplyPath /*path*/, long long /*value*/) {}
    virtual void nil(ReplyPath /*path*/) {}
};

} // namespace mccig
