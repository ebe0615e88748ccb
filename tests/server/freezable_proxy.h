#pragma once

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace mccig::test {

// A TCP forwarder on 127.0.0.1 (a free port) to 127.0.0.1:`targetPort`, that
// can be frozen: while frozen it accepts but moves no byte either way, the
// way a backend looks that stopped after connecting (SIGSTOP, a lost
// network). What was sent meanwhile waits in the sockets and goes on when it
// thaws, so a request the client gave up on can still run late. Owned by one
// test; its thread stops in the destructor.
//
// holdQueries() models a PostgreSQL that freezes after connecting: a new
// connection gets through its start-up (up to the server's first
// ReadyForQuery), and from then on nothing the client sends goes through.
class FreezableProxy final {
public:
    explicit FreezableProxy(int targetPort);
    ~FreezableProxy();
    FreezableProxy(const FreezableProxy&) = delete;
    FreezableProxy& operator=(const FreezableProxy&) = delete;

    int port() const { return m_port; }
    void freeze() { m_mode = Mode::Frozen; }
    void holdQueries() { m_mode = Mode::HoldingQueries; }
    void thaw() { m_mode = Mode::Flowing; }

private:
    enum class Mode {
        Flowing,
        Frozen,
        HoldingQueries,
    };
    struct Pair {
        int client = -1;
        int server = -1;
        bool ready = false; // the server has said ReadyForQuery once
    };

    void run();
    void acceptOne();
    // Moves what is waiting from `from` to `to`; false when either side closed.
    // `sawReady` is set when the bytes hold a PostgreSQL ReadyForQuery.
    static bool forward(int from, int to, bool* sawReady = nullptr);

    int m_targetPort;
    int m_listener = -1;
    int m_port = 0;
    std::atomic<Mode> m_mode{Mode::Flowing};
    std::atomic<bool> m_stopping{false};
    std::vector<Pair> m_pairs; // touched by the proxy thread only
    std::thread m_thread;
};

} // namespace mccig::test
