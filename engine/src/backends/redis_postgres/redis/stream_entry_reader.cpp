#include "stream_entry_reader.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace mccig {
namespace {

// Index paths from the reply to its list of entries.
constexpr std::array<int, 2> kReadGroupEntries{0, 1}; // first stream, its entries
constexpr std::array<int, 1> kAutoClaimEntries{1};

// Below an entry ([entry, part, field]): part 0 is the id, part 1 the fields.
constexpr int kIdPart = 0;
constexpr int kFieldsPart = 1;

} // namespace

StreamEntryReader::StreamEntryReader(Shape shape) : m_shape(shape) {}

std::optional<ReplyPath> StreamEntryReader::withinEntries(ReplyPath path) const
{
    const ReplyPath entries = m_shape == Shape::ReadGroup ? ReplyPath(kReadGroupEntries) : ReplyPath(kAutoClaimEntries);
    if (path.size() <= entries.size() || !std::equal(entries.begin(), entries.end(), path.begin()))
        return std::nullopt;
    return path.subspan(entries.size());
}

void StreamEntryReader::array(ReplyPath path, std::size_t elements)
{
    if (path.empty()) {
        m_rootElements = elements;
        return;
    }
    const auto below = withinEntries(path);
    if (!below || below->size() != 2 || (*below)[1] != kFieldsPart)
        return;
    // The fields follow the id: the entry exists from here on.
    QueuedMessage& message = m_messages.emplace_back();
    message.entryId = std::move(m_nextId);
    m_nextId.clear();
}

void StreamEntryReader::string(ReplyPath path, std::string_view text)
{
    const auto below = withinEntries(path);
    if (!below)
        return;
    if (below->size() == 2 && (*below)[1] == kIdPart) {
        m_nextId.assign(text);
        return;
    }
    if (below->size() != 3 || (*below)[1] != kFieldsPart || m_messages.empty())
        return;
    // Names and values alternate; `text` is gone after this call, so a name
    // is kept as which field its value goes to.
    if ((*below)[2] % 2 == 0) {
        m_nextField = text == "event"  ? Field::Event
            : text == "attempts"       ? Field::Attempts
            : text == "failures"       ? Field::Failures
                                       : Field::Other;
        return;
    }
    QueuedMessage& message = m_messages.back();
    if (m_nextField == Field::Event)
        message.eventText.assign(text);
    else if (m_nextField == Field::Attempts)
        std::from_chars(text.data(), text.data() + text.size(), message.attempts);
    else if (m_nextField == Field::Failures)
        message.failuresText.assign(text);
}

Result<std::vector<QueuedMessage>> StreamEntryReader::takeMessages()
{
    if (m_shape == Shape::AutoClaim && m_rootElements < 2)
        return failure(ErrorKind::Internal, "unexpected XAUTOCLAIM reply");
    return std::move(m_messages);
}

} // namespace mccig
