#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace mccig::server {

// Appends a Prometheus histogram `name` of whole-number sizes from
// non-cumulative bucket counts (buckets[i]: values <= bounds[i] and above the
// bound before; the last: the rest) and the sum of the values observed.
template <std::size_t N>
void appendSizeHistogram(std::string& text, std::string_view name, std::string_view help,
                         const std::array<long long, N>& bounds, const std::array<long long, N + 1>& buckets,
                         long long sum)
{
    const std::string metric(name);
    text += "# HELP " + metric + " " + std::string(help) + "\n# TYPE " + metric + " histogram\n";
    long long cumulative = 0;
    for (std::size_t i = 0; i < N; ++i) {
        cumulative += buckets[i];
        text += metric + "_bucket{le=\"" + std::to_string(bounds[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    cumulative += buckets.back();
    text += metric + "_bucket{le=\"+Inf\"} " + std::to_string(cumulative) + "\n";
    text += metric + "_sum " + std::to_string(sum) + "\n";
    // The count must equal the +Inf bucket, read in the same pass.
    text += metric + "_count " + std::to_string(cumulative) + "\n";
}

} // namespace mccig::server
