#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace mccig {

enum class Channel {
    Sms,
    Chat,
    Voice,
};

inline constexpr std::array kAllChannels{Channel::Sms, Channel::Chat, Channel::Voice};

// "sms", "chat", "voice": the spelling of routes, payloads and the database.
std::string_view channelName(Channel channel);
std::optional<Channel> parseChannel(std::string_view name);

} // namespace mccig
