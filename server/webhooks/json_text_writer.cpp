#include "webhooks/json_text_writer.h"

#include "mccig/core/json_string.h"

#include <utility>

namespace mccig::server {

void JsonTextWriter::beforeValue()
{
    if (m_afterKey)
        m_afterKey = false;
    else if (!std::exchange(m_first, false))
        m_text.push_back(',');
}

JsonTextWriter& JsonTextWriter::beginObject()
{
    beforeValue();
    m_text.push_back('{');
    m_first = true;
    return *this;
}

JsonTextWriter& JsonTextWriter::endObject()
{
    m_text.push_back('}');
    m_first = false;
    return *this;
}

JsonTextWriter& JsonTextWriter::beginArray()
{
    beforeValue();
    m_text.push_back('[');
    m_first = true;
    return *this;
}

JsonTextWriter& JsonTextWriter::endArray()
{
    m_text.push_back(']');
    m_first = false;
    return *this;
}

JsonTextWriter& JsonTextWriter::key(std::string_view name)
{
    beforeValue();
    appendJsonString(m_text, name);
    m_text.push_back(':');
    m_afterKey = true;
    return *this;
}

JsonTextWriter& JsonTextWriter::string(std::string_view text)
{
    beforeValue();
    appendJsonString(m_text, text);
    return *this;
}

JsonTextWriter& JsonTextWriter::integer(long long number)
{
    beforeValue();
    m_text += std::to_string(number);
    return *this;
}

JsonTextWriter& JsonTextWriter::raw(std::string_view json)
{
    beforeValue();
    m_text.append(json);
    return *this;
}

std::string JsonTextWriter::take()
{
    m_first = true;
    m_afterKey = false;
    return std::exchange(m_text, {});
}

} // namespace mccig::server
