#include "sim_app.h"

#include "admin_client.h"
#include "send_run.h"
#include "sim_options.h"
#include "sim_report.h"
#include "verify_run.h"

#include <algorithm>

namespace mccig::sim {
namespace {

ExitCode exitCodeFor(const Error& error)
{
    return error.kind == ErrorKind::Rejected ? ExitCode::Usage : ExitCode::Unreachable;
}

ExitCode fail(std::ostream& err, const Error& error)
{
    err << "mccig-sim: " << error.message << '\n';
    return exitCodeFor(error);
}

Result<std::set<CheckKind>> checksToVerify(const SimOptions& options, const Manifest& manifest)
{
    if (options.command != SimCommand::Verify || options.checks.empty())
        return manifest.checks;
    for (const CheckKind kind : options.checks)
        if (!manifest.checks.contains(kind))
            return failure(ErrorKind::Rejected, "the manifest has no data for the " + std::string(checkName(kind)) +
                                                    " check (it was not selected when sending)");
    return options.checks;
}

ExitCode verifyAndReport(const SimOptions& options, const Manifest& manifest, std::ostream& out, std::ostream& err)
{
    auto checks = checksToVerify(options, manifest);
    if (!checks)
        return fail(err, checks.error());
    VerifySettings settings{options.target, options.adminKey, *checks, options.drainTimeoutSeconds,
                            options.expectAttempts, std::clamp(options.concurrency, 1, 8)};
    // The drain wait can take a while after heavy traffic; say what is happening.
    err << "verify     waiting (at most " << options.drainTimeoutSeconds
        << " s) for the queue to drain, then checking through the admin API" << std::endl;
    VerifyRun verification(manifest, settings);
    auto results = verification.run();
    if (!results)
        return fail(err, results.error());
    SimReport report{manifest.runId, manifest.target, TrafficSummary::of(manifest.traffic, manifest.trafficSeconds),
                     std::move(*results)};
    out << (options.json ? report.toJson().dump(2) + '\n' : report.toText());
    return report.passed() ? ExitCode::Passed : ExitCode::CheckFailed;
}

ExitCode sendOnly(const SimOptions& options, const Manifest& manifest, std::ostream& out, std::ostream& err)
{
    if (auto saved = manifest.save(options.manifestPath); !saved)
        return fail(err, saved.error());
    const TrafficSummary traffic = TrafficSummary::of(manifest.traffic, manifest.trafficSeconds);
    if (options.json)
        out << nlohmann::json{{"runId", manifest.runId}, {"manifest", options.manifestPath},
                              {"traffic", traffic.toJson()}}.dump(2) << '\n';
    else
        out << "mccig-sim run " << manifest.runId << " sent; manifest " << options.manifestPath << '\n'
            << "traffic: " << traffic.toText() << '\n';
    return ExitCode::Passed;
}

} // namespace

ExitCode runSimulator(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err)
{
    auto options = parseSimOptions(arguments);
    if (!options) {
        err << "mccig-sim: " << options.error().message << '\n';
        return ExitCode::Usage;
    }
    if (options->help) {
        out << simUsage();
        return ExitCode::Passed;
    }
    if (options->version) {
        out << "mccig-sim " << MCCIG_SIM_VERSION << '\n';
        return ExitCode::Passed;
    }
    if (options->command == SimCommand::Verify) {
        auto manifest = Manifest::load(options->manifestPath);
        if (!manifest)
            return fail(err, Error{ErrorKind::Rejected, manifest.error().message});
        return verifyAndReport(*options, *manifest, out, err);
    }
    // Fail fast, before any traffic, when the server or the admin key is wrong.
    AdminClient admin(options->target, options->adminKey);
    if (auto probe = admin.probe(); !probe)
        return fail(err, probe.error());
    SendRun sending(*options);
    const Manifest manifest = sending.run();
    if (options->command == SimCommand::Send)
        return sendOnly(*options, manifest, out, err);
    return verifyAndReport(*options, manifest, out, err);
}

} // namespace mccig::sim
