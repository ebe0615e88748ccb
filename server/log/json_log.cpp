#include "log/json_log.h"

#include "mccig/core/time_format.h"

#include <chrono>
#include <cstdio>
#include <mutex>

namespace mccig::server {
namespace {

std::mutex g_stderrMutex; // one line at a time on stderr

std::string_view levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Info:
        return "info";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Error:
        return "error";
    }
    return "info";
}

} // namespace

void writeLog(LogLevel level, std::string_view message, const nlohmann::json& fields)
{
    nlohmann::json line = nlohmann::json::object();
    line["ts"] = formatUtc(std::chrono::system_clock::now());
    line["level"] = levelName(level);
    line["msg"] = message;
    if (fields.is_object()) {
        for (const auto& [key, value] : fields.items())
            line[key] = value;
    }
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::lock_guard lock(g_stderrMutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

} // namespace mccig::server
