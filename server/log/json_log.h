#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace mccig::server {

enum class LogLevel {
    Info,
    Warning,
    Error,
};

// One JSON object per line on stderr: {"ts","level","msg",...fields}.
// Thread-safe; lines from different threads never interleave.
void writeLog(LogLevel level, std::string_view message, const nlohmann::json& fields = nlohmann::json::object());

inline void logInfo(std::string_view message, const nlohmann::json& fields = nlohmann::json::object())
{
    writeLog(LogLevel::Info, message, fields);
}
inline void logWarning(std::string_view message, const nlohmann::json& fields = nlohmann::json::object())
{
    writeLog(LogLevel::Warning, message, fields);
}
inline void logError(std::string_view message, const nlohmann::json& fields = nlohmann::json::object())
{
    writeLog(LogLevel::Error, message, fields);
}

} // namespace mccig::server
