#pragma once

namespace mccig::console {

// The console's main(): application set-up, command line, language, window.
int runConsole(int argc, char* argv[]);

} // namespace mccig::console
