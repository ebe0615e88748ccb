#include "cpu_time.h"

#include <sys/resource.h>

#include <cstdlib>
#include <string>

namespace mccig::bench {
namespace {

// The number after "field:" in an INFO text.
std::optional<double> infoField(const std::string& info, const std::string& field)
{
    const std::size_t at = info.find("\n" + field + ":");
    if (at == std::string::npos)
        return std::nullopt;
    return std::strtod(info.c_str() + at + field.size() + 2, nullptr);
}

double seconds(const timeval& time) { return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6; }

} // namespace

std::optional<double> redisCpuSeconds(RedisSyncConnection& redis)
{
    const auto info = redis.command({"INFO", "cpu"});
    if (!info)
        return std::nullopt;
    const auto system = infoField(info->text, "used_cpu_sys");
    const auto user = infoField(info->text, "used_cpu_user");
    if (!system || !user)
        return std::nullopt;
    return *system + *user;
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace mccig::bench
