#pragma once

#include <string>

namespace mccig::server {

// Appends the standard process_* series of Prometheus client libraries, read
// from /proc/self: process_cpu_seconds_total, process_resident_memory_bytes,
// process_virtual_memory_bytes, process_open_fds, process_max_fds and
// process_start_time_seconds. A figure /proc cannot give is left out. Blocks
// briefly on /proc reads; any thread.
void appendProcessMetrics(std::string& text);

} // namespace mccig::server
