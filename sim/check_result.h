#pragma once

#include "check_kind.h"

#include <string>
#include <vector>

namespace mccig::sim {

// The verdict of one check: a one-line summary of what was seen and, when it
// failed, the individual problems (the first kMaxListedProblems of them; the
// rest are counted in `unlistedProblems`).
struct CheckResult {
    static constexpr std::size_t kMaxListedProblems = 20;

    CheckKind kind = CheckKind::Persistence;
    bool passed = false;
    std::string summary;
    std::vector<std::string> problems;
    std::size_t unlistedProblems = 0;

    void addProblem(std::string problem)
    {
        passed = false;
        if (problems.size() < kMaxListedProblems)
            problems.push_back(std::move(problem));
        else
            ++unlistedProblems;
    }
};

} // namespace mccig::sim
