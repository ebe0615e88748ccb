#pragma once

#include "mccig/core/result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace mccig {

// A message that failed every attempt (API.md §5 "dlq").
struct DeadLetter {
    std::string id;                                    // the event id
    nlohmann::json event;                              // the ConversationEvent JSON as queued
    int attempts = 0;
    std::string lastError;
    std::string failedAt;                              // RFC 3339 UTC
    nlohmann::json failures = nlohmann::json::array(); // [{"at","error",...}...], oldest first
};

inline constexpr int kDefaultDeadLetterPageSize = 50;
inline constexpr int kMaxDeadLetterPageSize = 500;

struct DeadLetterPageRequest {
    int limit = kDefaultDeadLetterPageSize; // 1..kMaxDeadLetterPageSize
    std::optional<std::string> before{};    // an opaque cursor from a previous page's `next`
};

struct DeadLetterPage {
    std::vector<DeadLetter> items;    // newest failure first (failure time, then id, descending)
    long long total = 0;              // entries in the whole dead-letter queue
    std::optional<std::string> next;  // cursor for the following page; empty on the last
};

// Port: the dead-letter queue as the admin API sees it. Replaying puts the
// event back on the queue with attempts reset. Each call is bounded by the
// backend timeout. One thread per instance.
class DeadLetterQueue {
public:
    virtual ~DeadLetterQueue() = default;

    // One page; a malformed cursor is ErrorKind::Rejected. Paging goes on
    // past entries replayed or removed meanwhile.
    virtual Result<DeadLetterPage> list(const DeadLetterPageRequest& request) = 0;
    // false: no such entry.
    virtual Result<bool> replay(const std::string& id) = 0;
    // Every entry, or only the tenant's; returns how many were replayed.
    virtual Result<long long> replayAll(const std::optional<std::string>& tenantId) = 0;
    // false: no such entry.
    virtual Result<bool> remove(const std::string& id) = 0;
};

} // namespace mccig
