#include "manifest.h"

#include <fstream>

namespace mccig::sim {
namespace {

nlohmann::json outcomesToJson(const std::vector<SendOutcome>& outcomes)
{
    auto array = nlohmann::json::array();
    for (const auto& o : outcomes) {
        array.push_back({{"tenant", o.tenant},
                         {"channel", channelName(o.channel)},
                         {"providerMessageId", o.providerMessageId},
                         {"status", o.status},
                         {"eventId", o.eventId},
                         {"latencyUs", o.latencyUs},
                         {"retryAfterSeconds", o.retryAfterSeconds},
                         {"retryAfterMs", o.retryAfterMs},
                         {"error", o.error}});
    }
    return array;
}

std::vector<SendOutcome> outcomesFromJson(const nlohmann::json& array)
{
    std::vector<SendOutcome> outcomes;
    for (const auto& item : array) {
        SendOutcome o;
        o.tenant = item.at("tenant").get<std::string>();
        o.channel = parseChannel(item.at("channel").get<std::string>()).value();
        o.providerMessageId = item.at("providerMessageId").get<std::string>();
        o.status = item.at("status").get<int>();
        o.eventId = item.at("eventId").get<std::string>();
        o.latencyUs = item.at("latencyUs").get<std::int64_t>();
        o.retryAfterSeconds = item.at("retryAfterSeconds").get<int>();
        o.retryAfterMs = item.at("retryAfterMs").get<std::int64_t>();
        o.error = item.at("error").get<std::string>();
        outcomes.push_back(std::move(o));
    }
    return outcomes;
}

} // namespace

nlohmann::json Manifest::toJson() const
{
    auto checkNames = nlohmann::json::array();
    for (const CheckKind kind : checks)
        checkNames.push_back(checkName(kind));
    return {{"format", "mccig-sim-manifest/1"},
            {"runId", runId},
            {"target", target},
            {"checks", checkNames},
            {"noisyTenant", noisyTenant},
            {"trafficSeconds", trafficSeconds},
            {"traffic", outcomesToJson(traffic)},
            {"replay", outcomesToJson(replay)},
            {"noisy", outcomesToJson(noisy)},
            {"failures", outcomesToJson(failures)}};
}

Result<Manifest> Manifest::fromJson(const nlohmann::json& json)
{
    // nlohmann reports a missing or mistyped field by exception; the file is
    // input, so that becomes an error value here.
    try {
        if (json.at("format") != "mccig-sim-manifest/1")
            return failure(ErrorKind::Rejected, "not a mccig-sim manifest (format)");
        Manifest manifest;
        manifest.runId = json.at("runId").get<std::string>();
        manifest.target = json.at("target").get<std::string>();
        for (const auto& name : json.at("checks")) {
            const auto kind = parseCheckName(name.get<std::string>());
            if (!kind)
                return failure(ErrorKind::Rejected, "manifest names an unknown check");
            manifest.checks.insert(*kind);
        }
        manifest.noisyTenant = json.at("noisyTenant").get<std::string>();
        manifest.trafficSeconds = json.at("trafficSeconds").get<double>();
        manifest.traffic = outcomesFromJson(json.at("traffic"));
        manifest.replay = outcomesFromJson(json.at("replay"));
        manifest.noisy = outcomesFromJson(json.at("noisy"));
        manifest.failures = outcomesFromJson(json.at("failures"));
        return manifest;
    } catch (const std::exception& error) {
        return failure(ErrorKind::Rejected, std::string("malformed manifest: ") + error.what());
    }
}

Result<void> Manifest::save(const std::string& path) const
{
    std::ofstream file(path, std::ios::trunc);
    file << toJson().dump() << '\n';
    file.close();
    if (!file)
        return failure(ErrorKind::Unavailable, "cannot write manifest " + path);
    return {};
}

Result<Manifest> Manifest::load(const std::string& path)
{
    std::ifstream file(path);
    if (!file)
        return failure(ErrorKind::NotFound, "cannot read manifest " + path);
    const auto json = nlohmann::json::parse(file, nullptr, false);
    if (json.is_discarded())
        return failure(ErrorKind::Rejected, "manifest " + path + " is not JSON");
    return fromJson(json);
}

} // namespace mccig::sim
