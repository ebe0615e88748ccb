#include "mccig/domain/channel.h"

namespace mccig {

std::string_view channelName(Channel channel)
{
    switch (channel) {
    case Channel::Sms: return "sms";
    case Channel::Chat: return "chat";
    case Channel::Voice: return "voice";
    }
    return "sms";
}

std::optional<Channel> parseChannel(std::string_view name)
{
    for (Channel channel : kAllChannels) {
        if (channelName(channel) == name)
            return channel;
    }
    return std::nullopt;
}

} // namespace mccig
