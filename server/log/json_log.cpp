#include "log/json_log.h"

#include "mccig/core/json_string.h"
#include "mccig/core/time_format.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>

namespace mccig::server {
namespace {

std::mutex g_stderrMutex; // one line at a time on stderr
std::atomic<LogLevel> g_threshold{LogLevel::Info};

} // namespace

std::optional<LogLevel> parseLogLevel(std::string_view name)
{
    for (const LogLevel level : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error})
        if (name == logLevelName(level))
            return level;
    return std::nullopt;
}

std::string_view logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return "debug";
    case LogLevel::Info:
        return "info";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Error:
        return "error";
    }
    return "info";
}

void setLogThreshold(LogLevel level) { g_threshold.store(level, std::memory_order_relaxed); }

bool logEnabled(LogLevel level) { return level >= g_threshold.load(std::memory_order_relaxed); }

void writeLog(LogLevel level, std::string_view message, const nlohmann::json& fields)
{
    if (!logEnabled(level))
        return;
    nlohmann::json line = nlohmann::json::object();
    line["ts"] = formatUtc(std::chrono::system_clock::now());
    line["level"] = logLevelName(level);
    line["msg"] = message;
    if (fields.is_object()) {
        for (const auto& [key, value] : fields.items())
            line[key] = value;
    }
    const std::string text = jsonText(line) + "\n";
    std::lock_guard lock(g_stderrMutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

} // namespace mccig::server
