#include "backend/api_request.h"

namespace mccig::console {

QByteArray ApiResponse::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace mccig::console
