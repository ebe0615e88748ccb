#include "oversized_number.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace mccig::validation {
namespace {

using nlohmann::json;

// A SAX pass that keeps the path of the value being read and stops at the
// first number out of range: nlohmann reports a finite-double overflow as
// parse error 406, and reads an integer beyond 64 bits as a double.
class OversizedNumberFinder final : public nlohmann::json_sax<json> {
public:
    std::optional<std::string> found;

    bool null() override { return scalar(); }
    bool boolean(bool) override { return scalar(); }
    bool number_integer(number_integer_t) override { return scalar(); }
    bool number_unsigned(number_unsigned_t) override { return scalar(); }
    bool number_float(number_float_t, const string_t& text) override
    {
        if (text.find_first_of(".eE") == string_t::npos)
            return stop();
        return scalar();
    }
    bool string(string_t&) override { return scalar(); }
    bool binary(binary_t&) override { return scalar(); }
    bool start_object(std::size_t) override { return open(false); }
    bool key(string_t& name) override
    {
        m_frames.back().key = name;
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) override
    {
        constexpr int kNumberOverflow = 406;
        if (error.id == kNumberOverflow)
            stop();
        return false;
    }

private:
    struct Frame {
        bool array = false;
        std::size_t index = 0;
        std::string key;
    };

    std::string path() const
    {
        std::string text;
        for (const auto& frame : m_frames) {
            // Appended piece by piece: GCC 12 at -O3 takes `"[" + std::string`
            // for an overlapping copy (a -Wrestrict false positive).
            if (frame.array) {
                text += '[';
                text += std::to_string(frame.index);
                text += ']';
            } else {
                if (!text.empty())
                    text += '.';
                text += frame.key;
            }
        }
        return text;
    }
    bool stop()
    {
        found = path();
        return false;
    }
    bool scalar()
    {
        if (!m_frames.empty() && m_frames.back().array)
            ++m_frames.back().index;
        return true;
    }
    bool open(bool array)
    {
        m_frames.push_back(Frame{array, 0, {}});
        return true;
    }
    bool close()
    {
        m_frames.pop_back();
        return scalar();
    }

    std::vector<Frame> m_frames;
};

} // namespace

std::optional<std::string> findOversizedNumber(std::string_view text)
{
    OversizedNumberFinder finder;
    json::sax_parse(text.begin(), text.end(), &finder);
    return finder.found;
}

} // namespace mccig::validation
