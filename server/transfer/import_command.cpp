#include "transfer/import_command.h"

#include "app/backend_factory.h"
#include "transfer/transfer_record.h"

#include <string>
#include <vector>

namespace mccig::server {
namespace {

constexpr std::size_t kBatch = 1000;

struct ImportTotals {
    long long stored = 0;
    long long skipped = 0; // stored already
    long long requeued = 0;
};

// Stores and queues what it is given, batch by batch.
class ImportSink {
public:
    explicit ImportSink(Backend& backend)
        : m_repository(backend.eventRepository())
        , m_queue(backend.eventQueue("import"))
    {
    }

    Result<void> add(TransferRecord record)
    {
        if (auto* event = std::get_if<ConversationEvent>(&record)) {
            m_events.push_back(std::move(*event));
        } else {
            // Checked by parseRecordLine: the event parses.
            m_requeue.push_back(*eventFromJson(std::get<DeadLetter>(record).event));
        }
        if (m_events.size() + m_requeue.size() < kBatch)
            return {};
        return flush();
    }

    Result<void> flush()
    {
        if (!m_events.empty()) {
            auto stored = m_repository->storeBatch(m_events);
            if (!stored)
                return std::unexpected(stored.error());
            m_totals.stored += static_cast<long long>(*stored);
            m_totals.skipped += static_cast<long long>(m_events.size() - *stored);
            m_events.clear();
        }
        if (!m_requeue.empty()) {
            auto queued = m_queue->enqueue(m_requeue);
            if (!queued)
                return std::unexpected(queued.error());
            m_totals.requeued += static_cast<long long>(m_requeue.size());
            m_requeue.clear();
        }
        return {};
    }

    const ImportTotals& totals() const { return m_totals; }

private:
    std::unique_ptr<EventRepository> m_repository;
    std::unique_ptr<EventQueue> m_queue;
    std::vector<ConversationEvent> m_events;
    std::vector<ConversationEvent> m_requeue;
    ImportTotals m_totals;
};

void printTotals(const ImportTotals& totals, std::ostream& out)
{
    out << "imported " << totals.stored << " event(s), skipped " << totals.skipped << " stored already, queued "
        << totals.requeued << " dead letter(s) for another attempt" << std::endl;
}

} // namespace

int runImportCommand(const ServerConfig& config, std::istream& in, std::ostream& out, std::ostream& err)
{
    std::string line;
    if (!std::getline(in, line)) {
        err << "mccig-server: import: the input is empty (expected an export from mccig-server export)" << std::endl;
        return 2;
    }
    if (auto header = parseHeaderLine(line); !header) {
        err << "mccig-server: import: line 1: " << header.error().message << std::endl;
        return 2;
    }
    auto backend = openBackend(config, BackendUse::Tool);
    if (!backend) {
        err << "mccig-server: import failed: " << backend.error().message << std::endl;
        return 1;
    }
    if (auto prepared = (*backend)->prepare(); !prepared) {
        err << "mccig-server: import failed: " << prepared.error().message << std::endl;
        return 1;
    }
    ImportSink sink(**backend);
    long long lineNumber = 1;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        auto record = parseRecordLine(line);
        if (!record) {
            err << "mccig-server: import: line " << lineNumber << ": " << record.error().message
                << "; stopped there (importing again skips what was stored)" << std::endl;
            // Keep what came before the bad line, so nothing read is lost.
            auto flushed = sink.flush();
            if (!flushed)
                err << "mccig-server: import failed: " << flushed.error().message << std::endl;
            printTotals(sink.totals(), out);
            return flushed ? 2 : 1;
        }
        if (auto added = sink.add(std::move(*record)); !added) {
            err << "mccig-server: import failed near line " << lineNumber << ": " << added.error().message
                << " (importing again skips what was stored)" << std::endl;
            printTotals(sink.totals(), out);
            return 1;
        }
    }
    if (auto flushed = sink.flush(); !flushed) {
        err << "mccig-server: import failed: " << flushed.error().message << std::endl;
        printTotals(sink.totals(), out);
        return 1;
    }
    printTotals(sink.totals(), out);
    return 0;
}

} // namespace mccig::server
