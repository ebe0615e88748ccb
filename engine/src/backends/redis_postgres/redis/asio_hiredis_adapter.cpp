#include "asio_hiredis_adapter.h"

#include <hiredis/async.h>

#include <boost/asio/post.hpp>
#if defined(_WIN32)
#include <boost/asio/ip/tcp.hpp>
#else
#include <boost/asio/posix/stream_descriptor.hpp>
#endif

namespace mccig {
namespace {

// hiredis owns the socket; Asio only waits on it. POSIX waits on any
// descriptor, Windows only on a socket object that adopts the handle.
#if defined(_WIN32)
using WatchedSocket = boost::asio::ip::tcp::socket;
using descriptor_base = boost::asio::socket_base;
#else
using WatchedSocket = boost::asio::posix::stream_descriptor;
using boost::asio::posix::descriptor_base;
#endif

WatchedSocket adoptSocket(boost::asio::io_context& io, decltype(redisContext::fd) fd)
{
#if defined(_WIN32)
    return WatchedSocket(io, boost::asio::ip::tcp::v4(), fd);
#else
    return WatchedSocket(io, fd);
#endif
}

// Lives while the context is attached, plus as long as an Asio handler still
// refers to it; after detach() the handlers find no context and do nothing.
class HiredisWatcher final : public std::enable_shared_from_this<HiredisWatcher> {
public:
    HiredisWatcher(boost::asio::io_context& io, redisAsyncContext* context, std::weak_ptr<void> owner)
        : m_io(io), m_descriptor(adoptSocket(io, context->c.fd)), m_context(context), m_owner(std::move(owner))
    {
    }

    static void install(redisAsyncContext* context, boost::asio::io_context& io, std::weak_ptr<void> owner)
    {
        auto watcher = std::make_shared<HiredisWatcher>(io, context, std::move(owner));
        watcher->m_self = watcher;
        context->ev.data = watcher.get();
        context->ev.addRead = [](void* data) { with(data, &HiredisWatcher::startReading); };
        context->ev.delRead = [](void* data) { with(data, &HiredisWatcher::stopReading); };
        context->ev.addWrite = [](void* data) { with(data, &HiredisWatcher::startWriting); };
        context->ev.delWrite = [](void* data) { with(data, &HiredisWatcher::stopWriting); };
        context->ev.cleanup = [](void* data) { with(data, &HiredisWatcher::detach); };
    }

private:
    // hiredis 0.14 may call cleanup twice; after the first, ev.data is null.
    static void with(void* data, void (HiredisWatcher::*action)())
    {
        if (data != nullptr)
            (static_cast<HiredisWatcher*>(data)->*action)();
    }

    void startReading()
    {
        m_wantRead = true;
        armRead();
    }

    void stopReading() { m_wantRead = false; }

    void startWriting()
    {
        if (m_wantWrite)
            return;
        m_wantWrite = true;
        // A connected socket is almost always writable, and with edge-triggered
        // epoll a wait on an already-writable socket may never complete: flush
        // directly, and wait only when the socket is still connecting.
        if ((m_context->c.flags & REDIS_CONNECTED) != 0)
            postFlush();
        else
            armWrite();
    }

    void stopWriting() { m_wantWrite = false; }

    void detach()
    {
        m_context->ev.data = nullptr;
        m_context = nullptr;
        m_wantRead = m_wantWrite = false;
        // Cancels the pending waits and forgets the fd, which hiredis closes.
#if defined(_WIN32)
        boost::system::error_code ignored;
        m_descriptor.release(ignored);
#else
        m_descriptor.release();
#endif
        m_self.reset();
    }

    void armRead()
    {
        if (m_readArmed || m_context == nullptr)
            return;
        m_readArmed = true;
        m_descriptor.async_wait(descriptor_base::wait_read,
                                [self = shared_from_this()](boost::system::error_code error) { self->onReadable(error); });
    }

    void onReadable(boost::system::error_code error)
    {
        m_readArmed = false;
        if (error || m_context == nullptr || !m_wantRead)
            return;
        const auto owner = m_owner.lock();
        if (!owner)
            return;
        // hiredis reads at most 16 KiB per call; drain what is already there,
        // since no new edge will announce it.
        do {
            redisAsyncHandleRead(m_context);
        } while (m_context != nullptr && m_wantRead && bytesAvailable() > 0);
        armRead();
    }

    void armWrite()
    {
        if (m_writeArmed || m_context == nullptr)
            return;
        m_writeArmed = true;
        m_descriptor.async_wait(descriptor_base::wait_write,
                                [self = shared_from_this()](boost::system::error_code error) { self->onWritable(error); });
    }

    void onWritable(boost::system::error_code error)
    {
        m_writeArmed = false;
        if (error || m_context == nullptr || !m_wantWrite)
            return;
        handleWrite();
    }

    void postFlush()
    {
        if (m_flushPosted)
            return;
        m_flushPosted = true;
        boost::asio::post(m_io, [self = shared_from_this()] {
            self->m_flushPosted = false;
            if (self->m_context != nullptr && self->m_wantWrite)
                self->handleWrite();
        });
    }

    void handleWrite()
    {
        const auto owner = m_owner.lock();
        if (!owner)
            return;
        redisAsyncHandleWrite(m_context);
        // Still wanting to write means the socket buffer is full: now a wait
        // is right, the edge comes when the peer has read.
        if (m_context != nullptr && m_wantWrite)
            armWrite();
    }

    std::size_t bytesAvailable()
    {
        boost::system::error_code error;
        descriptor_base::bytes_readable command(true);
        m_descriptor.io_control(command, error);
        return error ? 0 : command.get();
    }

    boost::asio::io_context& m_io;
    WatchedSocket m_descriptor;
    redisAsyncContext* m_context;
    std::weak_ptr<void> m_owner;
    std::shared_ptr<HiredisWatcher> m_self;
    bool m_wantRead = false;
    bool m_wantWrite = false;
    bool m_readArmed = false;
    bool m_writeArmed = false;
    bool m_flushPosted = false;
};

} // namespace

void attachAsioAdapter(redisAsyncContext* context, boost::asio::io_context& io, std::weak_ptr<void> owner)
{
    HiredisWatcher::install(context, io, std::move(owner));
}

} // namespace mccig
