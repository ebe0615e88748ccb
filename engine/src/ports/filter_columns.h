#pragma once

#include "mccig/ports/event_repository.h"

#include <string>
#include <utility>
#include <vector>

namespace mccig {

// The stored-event columns an EventFilter constrains, with their values, for
// a repository to turn into its own SQL placeholders.
inline std::vector<std::pair<const char*, std::string>> filterColumns(const EventFilter& filter)
{
    std::vector<std::pair<const char*, std::string>> columns;
    if (filter.tenantId)
        columns.emplace_back("tenant_id", *filter.tenantId);
    if (filter.channel)
        columns.emplace_back("channel", std::string(channelName(*filter.channel)));
    if (filter.providerMessageId)
        columns.emplace_back("provider_message_id", *filter.providerMessageId);
    return columns;
}

} // namespace mccig
