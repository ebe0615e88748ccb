#pragma once

#include <array>
#include <atomic>
#include <cstddef>

namespace mccig {

// Admissions per call a backend's admission gates made to their store, since
// start (/metrics: mccig_admission_batch_size). With natural batching the
// sizes say how much each call carried; all ones mean nothing was batched.
struct AdmissionBatchSizes {
    // Upper bounds of the histogram's buckets (--admission-batch-max is at most 1000).
    static constexpr std::array<long long, 8> kBounds{1, 2, 4, 8, 16, 32, 64, 128};

    long long calls = 0;
    long long admissions = 0;
    // Calls by size: [i] counts sizes <= kBounds[i] and above the bound
    // before; the last counts the rest. Not cumulative.
    std::array<long long, kBounds.size() + 1> buckets{};
};

// Tallies AdmissionBatchSizes. record() from any thread (every I/O thread's
// gate shares one instance), on the hot path: relaxed atomics, no lock. A
// reader may see a call whose bucket is counted but not yet its admissions.
class AdmissionBatchTally {
public:
    void record(std::size_t admissions)
    {
        std::size_t bucket = 0;
        while (bucket < AdmissionBatchSizes::kBounds.size()
               && static_cast<long long>(admissions) > AdmissionBatchSizes::kBounds[bucket])
            ++bucket;
        m_buckets[bucket].fetch_add(1, std::memory_order_relaxed);
        m_admissions.fetch_add(static_cast<long long>(admissions), std::memory_order_relaxed);
    }

    AdmissionBatchSizes totals() const
    {
        AdmissionBatchSizes sizes;
        for (std::size_t i = 0; i < m_buckets.size(); ++i) {
            sizes.buckets[i] = m_buckets[i].load(std::memory_order_relaxed);
            sizes.calls += sizes.buckets[i];
        }
        sizes.admissions = m_admissions.load(std::memory_order_relaxed);
        return sizes;
    }

private:
    std::array<std::atomic<long long>, AdmissionBatchSizes::kBounds.size() + 1> m_buckets{};
    std::atomic<long long> m_admissions{0};
};

} // namespace mccig
