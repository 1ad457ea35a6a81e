// The path id parser: accepts exactly the decimal spellings of 0..INT64_MAX.
#include <cstdlib>
#include <string>
#include <string_view>

#include "project/http/path_id.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto id = users::http::parsePathId(text);
    if (!id) return 0;
    if (*id < 0) std::abort();
    // Leading zeros are the only other spelling a valid id may have.
    const auto digits = text.find_first_not_of('0');
    const std::string_view canonical = digits == std::string_view::npos ? "0" : text.substr(digits);
    if (canonical != std::to_string(*id)) std::abort();
    return 0;
}
