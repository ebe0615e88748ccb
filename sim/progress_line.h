#pragma once

#include "outcome_log.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

namespace mccig::sim {

// Shows how a sending phase is going on stderr while it runs. On a terminal
// the line is redrawn in place four times a second; otherwise (a log file, a
// CI job) a plain line is written every five seconds. The destructor writes
// the final figures and ends the line. Owns one background thread.
class ProgressLine {
public:
    ProgressLine(std::string label, const OutcomeLog& log, std::size_t expected, std::FILE* out = stderr);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    // "label  sent 120/500  202 118  200 0  429 2  other 0  41 req/s"
    static std::string format(const std::string& label, const OutcomeLog::Totals& totals, std::size_t expected,
                              double elapsedSeconds);

private:
    void run();
    void draw(bool final);

    std::string m_label;
    const OutcomeLog& m_log;
    std::size_t m_expected;
    std::FILE* m_out;
    bool m_terminal;
    std::chrono::steady_clock::time_point m_started;
    std::mutex m_mutex; // guards m_stopping for the condition variable
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace mccig::sim
