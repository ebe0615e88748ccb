#pragma once

#include <string_view>

namespace mccig {

// Names the calling thread, so `top -H`, `ps -L`, gdb and perf tell the
// threads of a process apart ("mccig-fetch", "mccig-io"...). Linux keeps
// at most 15 bytes; the rest is cut off.
void nameThisThread(std::string_view name);

} // namespace mccig
