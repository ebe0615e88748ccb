#pragma once

#include <boost/asio/io_context.hpp>

#include <memory>

struct redisAsyncContext;

namespace mccig {

// Drives one hiredis async context from a boost::asio::io_context (hiredis
// 0.14 ships no Asio adapter). Installs the context's ev hooks: reads wait on
// the socket; writes are flushed from a posted handler and only wait for
// writability when the socket is full or still connecting. The socket stays
// hiredis's: it is wrapped without being owned and released in the cleanup
// hook, before hiredis closes it.
//
// `owner` (the connection owning the context) is locked around every call
// into hiredis, so it cannot be destroyed while hiredis runs its callbacks.
// Everything runs on the io_context's single thread.
void attachAsioAdapter(redisAsyncContext* context, boost::asio::io_context& io, std::weak_ptr<void> owner);

} // namespace mccig
