#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mccig::sim {

// mccig-sim's exit codes (documented in --help and the README).
enum class ExitCode {
    Passed = 0,
    CheckFailed = 1,
    Usage = 2,
    Unreachable = 3,
};

// The whole program: parses argv[1..], sends and/or verifies, prints the
// report on `out` and one-line errors on `err`. Progress lines go to stderr.
ExitCode runSimulator(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

} // namespace mccig::sim
