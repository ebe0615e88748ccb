#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace mccig::server {

enum class LogLevel {
    Debug,
    Info,
    Warning,
    Error,
};

// "debug", "info", "warning" or "error" (--log-level); nothing for another word.
std::optional<LogLevel> parseLogLevel(std::string_view name);
std::string_view logLevelName(LogLevel level);

// Lines below this level are dropped (default Info). Set once at start-up;
// any thread may read it.
void setLogThreshold(LogLevel level);
bool logEnabled(LogLevel level);

// One JSON object per line on stderr: {"ts","level","msg",...fields}.
// Thread-safe; lines from different threads never interleave.
void writeLog(LogLevel level, std::string_view message, const nlohmann::json& fields = nlohmann::json::object());

inline void logDebug(std::string_view message, const nlohmann::json& fields = nlohmann::json::object())
{
    writeLog(LogLevel::Debug, message, fields);
}
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
