#pragma once

#include "mccig/core/result.h"
#include "mccig/domain/channel.h"

#include <array>
#include <random>
#include <string>
#include <string_view>

namespace mccig::sim {

// The share of each channel in generated traffic, as whole-number weights
// ("sms=50,chat=35,voice=15"). A channel left out gets weight 0; at least one
// weight must be positive. Immutable after parsing: safe to share.
class TrafficMix {
public:
    TrafficMix();

    static Result<TrafficMix> parse(std::string_view text);

    Channel pick(std::mt19937_64& random) const;
    unsigned weight(Channel channel) const { return m_weights[static_cast<std::size_t>(channel)]; }
    std::string toString() const;

private:
    std::array<unsigned, 3> m_weights;
};

} // namespace mccig::sim
