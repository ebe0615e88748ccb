#include "traffic_mix.h"

#include <charconv>
#include <numeric>

namespace mccig::sim {

TrafficMix::TrafficMix()
    : m_weights{50, 35, 15}
{
}

Result<TrafficMix> TrafficMix::parse(std::string_view text)
{
    TrafficMix mix;
    mix.m_weights = {0, 0, 0};
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        const auto equals = item.find('=');
        const auto channel = parseChannel(item.substr(0, equals));
        if (equals == std::string_view::npos || !channel)
            return failure(ErrorKind::Rejected, "mix item \"" + std::string(item) + "\" is not sms|chat|voice=WEIGHT");
        const std::string_view number = item.substr(equals + 1);
        unsigned weight = 0;
        const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), weight);
        if (error != std::errc{} || end != number.data() + number.size() || weight > 1000)
            return failure(ErrorKind::Rejected, "mix weight \"" + std::string(number) + "\" is not 0-1000");
        mix.m_weights[static_cast<std::size_t>(*channel)] = weight;
    }
    if (std::accumulate(mix.m_weights.begin(), mix.m_weights.end(), 0U) == 0)
        return failure(ErrorKind::Rejected, "mix needs at least one positive weight");
    return mix;
}

Channel TrafficMix::pick(std::mt19937_64& random) const
{
    std::discrete_distribution<std::size_t> distribution(m_weights.begin(), m_weights.end());
    return kAllChannels[distribution(random)];
}

std::string TrafficMix::toString() const
{
    std::string out;
    for (const Channel channel : kAllChannels) {
        if (!out.empty())
            out += ',';
        out += std::string(channelName(channel)) + '=' + std::to_string(weight(channel));
    }
    return out;
}

} // namespace mccig::sim
