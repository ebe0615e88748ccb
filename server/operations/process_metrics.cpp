#include "operations/process_metrics.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <vector>

namespace mccig::server {
namespace {

std::string readFile(const char* path)
{
    std::ifstream file(path);
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

// The fields of /proc/self/stat after the command name (which may hold
// spaces), numbered as in proc(5): fields[0] is field 3, "state".
std::vector<std::string> statFields()
{
    const std::string stat = readFile("/proc/self/stat");
    const auto close = stat.rfind(')');
    std::vector<std::string> fields;
    if (close == std::string::npos)
        return fields;
    std::istringstream rest(stat.substr(close + 1));
    for (std::string field; rest >> field;)
        fields.push_back(field);
    return fields;
}

std::optional<double> bootTimeSeconds()
{
    std::istringstream stat(readFile("/proc/stat"));
    for (std::string line; std::getline(stat, line);)
        if (line.starts_with("btime "))
            return std::stod(line.substr(6));
    return std::nullopt;
}

std::optional<long long> openFileDescriptors()
{
    std::error_code error;
    long long count = 0;
    for (std::filesystem::directory_iterator it("/proc/self/fd", error), end; !error && it != end; it.increment(error))
        ++count;
    if (error)
        return std::nullopt;
    return count - 1; // the directory iterator's own descriptor
}

void appendGauge(std::string& text, const char* name, const char* type, const char* help, double value)
{
    char number[64];
    std::snprintf(number, sizeof number, "%.17g", value);
    text += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " + number
            + "\n";
}

} // namespace

void appendProcessMetrics(std::string& text)
{
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    const double pageSize = static_cast<double>(sysconf(_SC_PAGESIZE));
    const auto fields = statFields();
    // proc(5): utime 14, stime 15, starttime 22, vsize 23, rss 24.
    if (fields.size() > 21) {
        const double cpu = (std::stod(fields[11]) + std::stod(fields[12])) / ticks;
        appendGauge(text, "process_cpu_seconds_total", "counter", "User and system CPU time spent in seconds.", cpu);
        if (const auto boot = bootTimeSeconds())
            appendGauge(text, "process_start_time_seconds", "gauge",
                        "Start time of the process since unix epoch in seconds.", *boot + std::stod(fields[19]) / ticks);
        appendGauge(text, "process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.", std::stod(fields[20]));
        appendGauge(text, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.",
                    std::stod(fields[21]) * pageSize);
    }
    if (const auto fds = openFileDescriptors())
        appendGauge(text, "process_open_fds", "gauge", "Number of open file descriptors.", static_cast<double>(*fds));
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0)
        appendGauge(text, "process_max_fds", "gauge", "Maximum number of open file descriptors.",
                    static_cast<double>(limit.rlim_cur));
}

} // namespace mccig::server
