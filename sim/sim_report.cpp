#include "sim_report.h"

#include <algorithm>

namespace mccig::sim {

bool SimReport::passed() const
{
    return std::ranges::all_of(checks, &CheckResult::passed);
}

nlohmann::json SimReport::toJson() const
{
    auto checkList = nlohmann::json::array();
    for (const auto& check : checks) {
        checkList.push_back({{"name", checkName(check.kind)},
                             {"passed", check.passed},
                             {"summary", check.summary},
                             {"problems", check.problems},
                             {"unlistedProblems", check.unlistedProblems}});
    }
    return {{"runId", runId},
            {"target", target},
            {"verdict", passed() ? "pass" : "fail"},
            {"traffic", traffic.toJson()},
            {"checks", checkList}};
}

std::string SimReport::toText() const
{
    std::string text = "mccig-sim run " + runId + " against " + target + '\n';
    text += "traffic: " + traffic.toText() + '\n';
    for (const auto& check : checks) {
        text += std::string(check.passed ? "PASS " : "FAIL ") + std::string(checkName(check.kind)) + ": " +
                check.summary + '\n';
        for (const auto& problem : check.problems)
            text += "     - " + problem + '\n';
        if (check.unlistedProblems > 0)
            text += "     - ... and " + std::to_string(check.unlistedProblems) + " more\n";
    }
    text += std::string("verdict: ") + (passed() ? "PASS" : "FAIL") + '\n';
    return text;
}

} // namespace mccig::sim
