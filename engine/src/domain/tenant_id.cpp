#include "mccig/domain/tenant_id.h"

namespace mccig {
namespace {

bool isLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

} // namespace

bool isValidTenantId(std::string_view id)
{
    if (id.empty() || id.size() > 64 || !isLowerAlnum(id.front()))
        return false;
    for (char c : id.substr(1)) {
        if (!isLowerAlnum(c) && c != '_' && c != '-')
            return false;
    }
    return true;
}

} // namespace mccig
