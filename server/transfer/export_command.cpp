#include "transfer/export_command.h"

#include "app/backend_factory.h"
#include "mccig/core/time_format.h"
#include "transfer/transfer_record.h"

#include <chrono>

namespace mccig::server {
namespace {

int report(const std::string& message, std::ostream& err)
{
    err << "mccig-server: export failed: " << message << std::endl;
    return 1;
}

// Writes every page `fetch` hands out, following its `next` cursor; the
// number written, or the error that stopped it.
template <typename Fetch>
Result<long long> writePages(Fetch fetch, std::ostream& out)
{
    long long written = 0;
    std::optional<std::string> cursor;
    do {
        auto page = fetch(cursor);
        if (!page)
            return std::unexpected(page.error());
        for (const auto& item : page->items)
            out << recordLine(item) << '\n';
        if (!out)
            return failure(ErrorKind::Unavailable, "cannot write the output");
        written += static_cast<long long>(page->items.size());
        cursor = page->next;
    } while (cursor);
    return written;
}

} // namespace

int runExportCommand(const ExportRequest& request, const ServerConfig& config, std::ostream& out, std::ostream& err)
{
    auto backend = openBackend(config, BackendUse::Tool);
    if (!backend)
        return report(backend.error().message, err);
    out << headerLine({kTransferFormatVersion, (*backend)->kind(), formatUtc(std::chrono::system_clock::now())})
        << '\n';

    const auto repository = (*backend)->eventRepository();
    auto events = writePages(
        [&](const std::optional<std::string>& before) {
            return repository->list({.limit = kMaxEventPageSize, .before = before});
        },
        out);
    if (!events)
        return report(events.error().message, err);

    long long deadLetters = 0;
    if (request.withDeadLetters) {
        const auto dlq = (*backend)->deadLetterQueue();
        auto written = writePages(
            [&](const std::optional<std::string>& before) { return dlq->list({kMaxDeadLetterPageSize, before}); },
            out);
        if (!written)
            return report(written.error().message, err);
        deadLetters = *written;
    }
    if (!out.flush())
        return report("cannot write the output", err);

    err << "exported " << *events << " stored event(s)";
    if (request.withDeadLetters)
        err << " and " << deadLetters << " dead letter(s)";
    err << " from the " << (*backend)->kind() << " backend" << std::endl;
    // The queue is not exported: say so when it holds anything.
    if (auto depth = (*backend)->liveStats()->depth(); depth && depth->queued() > 0)
        err << "note: " << depth->queued() << " message(s) are still queued and were not exported; "
            << "let the worker store them, then export again" << std::endl;
    return 0;
}

} // namespace mccig::server
