#include "sim_options.h"

#include "mccig/domain/tenant_id.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <functional>
#include <map>

namespace mccig::sim {
namespace {

Result<double> parseNumber(const std::string& flag, const std::string& text, double minimum, double maximum)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < minimum || value > maximum)
        return failure(ErrorKind::Rejected, flag + " expects a number from " + std::to_string(minimum).substr(0, 6) +
                                                " to " + std::to_string(maximum).substr(0, 9) + ", got \"" + text + '"');
    return value;
}

Result<int> parseInteger(const std::string& flag, const std::string& text, int minimum, int maximum)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < minimum || value > maximum)
        return failure(ErrorKind::Rejected, flag + " expects an integer from " + std::to_string(minimum) + " to " +
                                                std::to_string(maximum) + ", got \"" + text + '"');
    return value;
}

Result<TenantCredential> parseTenant(const std::string& text)
{
    const auto colon = text.find(':');
    if (colon == std::string::npos || colon + 1 == text.size())
        return failure(ErrorKind::Rejected, "--tenant expects tenant:key, got \"" + text + '"');
    TenantCredential credential{text.substr(0, colon), text.substr(colon + 1)};
    if (!isValidTenantId(credential.tenant))
        return failure(ErrorKind::Rejected, "--tenant: \"" + credential.tenant + "\" is not a valid tenant id");
    return credential;
}

Result<std::set<CheckKind>> parseChecks(const std::string& text)
{
    std::set<CheckKind> checks;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = std::min(text.find(',', start), text.size());
        const std::string name = text.substr(start, comma - start);
        const auto kind = parseCheckName(name);
        if (!kind)
            return failure(ErrorKind::Rejected, "--checks: unknown check \"" + name +
                                                    "\" (persistence, replay, noisy, failures)");
        checks.insert(*kind);
        start = comma + 1;
    }
    return checks;
}

using Setter = std::function<Result<void>(SimOptions&, const std::string&)>;

template <typename T>
Result<void> assign(T& field, Result<T> value)
{
    if (!value)
        return std::unexpected(value.error());
    field = std::move(*value);
    return {};
}

const std::map<std::string, Setter>& valueFlags()
{
    static const std::map<std::string, Setter> flags{
        {"--target", [](SimOptions& o, const std::string& v) -> Result<void> {
             auto target = parseTargetUrl(v);
             if (!target)
                 return std::unexpected(target.error());
             target->caFile = o.target.caFile; // --ca-file may come first
             o.target = std::move(*target);
             return {};
         }},
        {"--ca-file", [](SimOptions& o, const std::string& v) -> Result<void> {
             if (!std::ifstream(v))
                 return failure(ErrorKind::Rejected, "--ca-file: cannot read \"" + v + '"');
             o.target.caFile = v;
             return {};
         }},
        {"--admin-key", [](SimOptions& o, const std::string& v) { return assign(o.adminKey, Result<std::string>(v)); }},
        {"--tenant", [](SimOptions& o, const std::string& v) -> Result<void> {
             auto tenant = parseTenant(v);
             if (!tenant)
                 return std::unexpected(tenant.error());
             o.tenants.push_back(std::move(*tenant));
             return {};
         }},
        {"--rate", [](SimOptions& o, const std::string& v) { return assign(o.rate, parseNumber("--rate", v, 0.1, 100000)); }},
        {"--duration", [](SimOptions& o, const std::string& v) { return assign(o.durationSeconds, parseNumber("--duration", v, 0, 86400)); }},
        {"--concurrency", [](SimOptions& o, const std::string& v) { return assign(o.concurrency, parseInteger("--concurrency", v, 1, 256)); }},
        {"--mix", [](SimOptions& o, const std::string& v) { return assign(o.mix, TrafficMix::parse(v)); }},
        {"--checks", [](SimOptions& o, const std::string& v) { return assign(o.checks, parseChecks(v)); }},
        {"--noisy-tenant", [](SimOptions& o, const std::string& v) { return assign(o.noisyTenant, Result<std::string>(v)); }},
        {"--noisy-rate", [](SimOptions& o, const std::string& v) { return assign(o.noisyRate, parseNumber("--noisy-rate", v, 1, 100000)); }},
        {"--noisy-duration", [](SimOptions& o, const std::string& v) { return assign(o.noisyDurationSeconds, parseNumber("--noisy-duration", v, 0.5, 3600)); }},
        {"--noisy-others-rate", [](SimOptions& o, const std::string& v) { return assign(o.noisyOthersRate, parseNumber("--noisy-others-rate", v, 0.1, 10000)); }},
        {"--replay-copies", [](SimOptions& o, const std::string& v) { return assign(o.replayCopies, parseInteger("--replay-copies", v, 2, 256)); }},
        {"--failures", [](SimOptions& o, const std::string& v) { return assign(o.failureCount, parseInteger("--failures", v, 1, 10000)); }},
        {"--expect-attempts", [](SimOptions& o, const std::string& v) -> Result<void> {
             auto attempts = parseInteger("--expect-attempts", v, 1, 1000);
             if (!attempts)
                 return std::unexpected(attempts.error());
             o.expectAttempts = *attempts;
             return {};
         }},
        {"--drain-timeout", [](SimOptions& o, const std::string& v) { return assign(o.drainTimeoutSeconds, parseNumber("--drain-timeout", v, 0, 86400)); }},
        {"--manifest", [](SimOptions& o, const std::string& v) { return assign(o.manifestPath, Result<std::string>(v)); }},
        {"--seed", [](SimOptions& o, const std::string& v) -> Result<void> {
             std::uint64_t seed = 0;
             const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), seed);
             if (error != std::errc{} || end != v.data() + v.size())
                 return failure(ErrorKind::Rejected, "--seed expects a non-negative integer, got \"" + v + '"');
             o.seed = seed;
             return {};
         }},
    };
    return flags;
}

Result<void> applyFlag(SimOptions& options, const std::string& flag, const std::vector<std::string>& arguments,
                       std::size_t& index)
{
    if (flag == "--json") {
        options.json = true;
        return {};
    }
    if (flag == "--help" || flag == "-h") {
        options.help = true;
        return {};
    }
    if (flag == "--version") {
        options.version = true;
        return {};
    }
    const auto equals = flag.find('=');
    const std::string name = flag.substr(0, equals);
    const auto setter = valueFlags().find(name);
    if (setter == valueFlags().end())
        return failure(ErrorKind::Rejected, "unknown option \"" + name + "\" (see --help)");
    if (equals != std::string::npos)
        return setter->second(options, flag.substr(equals + 1));
    if (index + 1 >= arguments.size())
        return failure(ErrorKind::Rejected, name + " needs a value");
    return setter->second(options, arguments[++index]);
}

} // namespace

const TenantCredential& SimOptions::primaryTenant() const
{
    for (const auto& credential : tenants)
        if (credential.tenant != noisyTenant)
            return credential;
    return tenants.front();
}

namespace {

Result<void> checkTenants(SimOptions& options, bool checksGiven)
{
    if (options.tenants.empty())
        return failure(ErrorKind::Rejected, "at least one --tenant tenant:key is required");
    for (std::size_t i = 0; i < options.tenants.size(); ++i)
        for (std::size_t j = i + 1; j < options.tenants.size(); ++j)
            if (options.tenants[i].tenant == options.tenants[j].tenant)
                return failure(ErrorKind::Rejected, "--tenant " + options.tenants[i].tenant + " given twice");
    const bool known = std::ranges::any_of(options.tenants, [&](const TenantCredential& credential) {
        return credential.tenant == options.noisyTenant;
    });
    if (!options.noisyTenant.empty() && !known)
        return failure(ErrorKind::Rejected, "--noisy-tenant " + options.noisyTenant + " is not one of the --tenant");
    if (options.tenants.size() >= 2 && options.noisyTenant.empty())
        options.noisyTenant = options.tenants.back().tenant;
    if (!checksGiven) {
        options.checks = {CheckKind::Persistence, CheckKind::Replay, CheckKind::Failures};
        if (options.tenants.size() >= 2)
            options.checks.insert(CheckKind::Noisy);
    }
    if (options.checks.contains(CheckKind::Noisy) && options.tenants.size() < 2)
        return failure(ErrorKind::Rejected, "the noisy check needs at least two tenants (one noisy, one well-behaved)");
    return {};
}

Result<void> checkConsistency(SimOptions& options, bool checksGiven)
{
    if (options.target.host.empty())
        return failure(ErrorKind::Rejected, "--target URL is required");
    if (!options.target.caFile.empty() && !options.target.https)
        return failure(ErrorKind::Rejected, "--ca-file needs an https:// --target");
    if (options.adminKey.empty())
        return failure(ErrorKind::Rejected, "--admin-key is required (verification reads the admin API)");
    if (options.command != SimCommand::Run && options.manifestPath.empty())
        return failure(ErrorKind::Rejected, "--manifest FILE is required for send and verify");
    if (options.command == SimCommand::Verify)
        return {};
    return checkTenants(options, checksGiven);
}

} // namespace

Result<SimOptions> parseSimOptions(const std::vector<std::string>& arguments)
{
    SimOptions options;
    std::size_t index = 0;
    if (!arguments.empty() && !arguments.front().starts_with('-')) {
        const std::string& command = arguments.front();
        if (command == "run")
            options.command = SimCommand::Run;
        else if (command == "send")
            options.command = SimCommand::Send;
        else if (command == "verify")
            options.command = SimCommand::Verify;
        else
            return failure(ErrorKind::Rejected, "unknown command \"" + command + "\" (run, send, verify)");
        index = 1;
    }
    bool checksGiven = false;
    for (; index < arguments.size(); ++index) {
        checksGiven = checksGiven || arguments[index].starts_with("--checks");
        if (auto applied = applyFlag(options, arguments[index], arguments, index); !applied)
            return std::unexpected(applied.error());
    }
    if (options.help || options.version)
        return options;
    if (auto consistent = checkConsistency(options, checksGiven); !consistent)
        return std::unexpected(consistent.error());
    return options;
}

std::string simUsage()
{
    return R"(usage: mccig-sim [run|send|verify] --target URL --admin-key KEY [options]

Drives mixed SMS/chat/voice traffic through a running mccig-server and
verifies the outcomes through its admin API.

commands:
  run (default)   send traffic, then verify it
  send            send traffic and write the manifest (--manifest FILE)
  verify          verify a manifest written by an earlier send

options:
  --target URL              server, e.g. http://127.0.0.1:8080 or
                            https://gateway.example (required)
  --ca-file FILE            https: trust the server certificates this PEM CA
                            signed (default: the system's trusted CAs)
  --admin-key KEY           admin API key (required)
  --tenant TENANT:KEY       a tenant and its API key; repeat for several
  --rate N                  mixed traffic, requests per second (default 50)
  --duration S              mixed traffic, seconds (default 10)
  --concurrency N           sender connections (default 8)
  --mix sms=W,chat=W,voice=W  channel weights (default sms=50,chat=35,voice=15)
  --checks LIST             persistence,replay,noisy,failures (default: all the
                            tenants allow; noisy needs two tenants)
  --noisy-tenant TENANT     the tenant that floods (default: the last --tenant)
  --noisy-rate N            its requests per second (default 200)
  --noisy-duration S        length of the flood (default 3)
  --noisy-others-rate N     each other tenant's rate meanwhile (default 5)
  --replay-copies N         concurrent copies of one message (default 10)
  --failures N              messages with metadata.simulateFailure (default 5;
                            the server must run with --simulation-mode)
  --expect-attempts N       require every dead letter to show N attempts
  --drain-timeout S         wait at most S for the queue to drain (default 60)
  --manifest FILE           where send writes and verify reads the record
  --seed N                  payload generator seed (default: random)
  --json                    print the report as JSON
  --help, --version

exit codes: 0 every check passed, 1 a check failed, 2 bad usage (or the
            admin key was refused), 3 the server is unreachable
)";
}

} // namespace mccig::sim
