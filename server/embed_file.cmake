# cmake -DINPUT=file -DOUTPUT=file.cpp -DFUNCTION=name -DNAMESPACE=ns -P embed_file.cmake
# Writes a C++ source whose function `std::string_view NAME()` returns the
# bytes of INPUT, so a file of the repository ships inside the binary.
# (A byte array, not a string literal: -Wpedantic refuses literals over 64 KiB.)
file(READ "${INPUT}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by embed_file.cmake; do not edit.
#include <string_view>

namespace ${NAMESPACE} {
namespace {
constexpr unsigned char kBytes[] = {
${bytes}
};
} // namespace

std::string_view ${FUNCTION}() { return std::string_view(reinterpret_cast<const char*>(kBytes), sizeof kBytes); }

} // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
