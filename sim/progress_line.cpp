#include "progress_line.h"

#if defined(_WIN32)
#include <io.h>
#else
#include <unistd.h>
#endif

namespace mccig::sim {
namespace {

bool isTerminal(std::FILE* out)
{
#if defined(_WIN32)
    return _isatty(_fileno(out)) != 0;
#else
    return isatty(fileno(out)) == 1;
#endif
}

} // namespace

ProgressLine::ProgressLine(std::string label, const OutcomeLog& log, std::size_t expected, std::FILE* out)
    : m_label(std::move(label))
    , m_log(log)
    , m_expected(expected)
    , m_out(out)
    , m_terminal(isTerminal(out))
    , m_started(std::chrono::steady_clock::now())
    , m_thread([this] { run(); })
{
}

ProgressLine::~ProgressLine()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    draw(true);
}

std::string ProgressLine::format(const std::string& label, const OutcomeLog::Totals& totals, std::size_t expected,
                                 double elapsedSeconds)
{
    const double rate = elapsedSeconds > 0 ? static_cast<double>(totals.sent) / elapsedSeconds : 0.0;
    char line[200];
    std::snprintf(line, sizeof line, "%-10s sent %zu/%zu  202 %zu  200 %zu  429 %zu  other %zu  %.0f req/s",
                  label.c_str(), totals.sent, expected, totals.accepted, totals.duplicate, totals.rateLimited,
                  totals.otherErrors, rate);
    return line;
}

void ProgressLine::draw(bool final)
{
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    const std::string line = format(m_label, m_log.totals(), m_expected, elapsed);
    if (m_terminal)
        std::fprintf(m_out, "\r\033[K%s%s", line.c_str(), final ? "\n" : "");
    else
        std::fprintf(m_out, "%s\n", line.c_str());
    std::fflush(m_out);
}

void ProgressLine::run()
{
    const auto period = m_terminal ? std::chrono::milliseconds(250) : std::chrono::milliseconds(5000);
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, period, [this] { return m_stopping; })) {
        lock.unlock();
        draw(false);
        lock.lock();
    }
}

} // namespace mccig::sim
