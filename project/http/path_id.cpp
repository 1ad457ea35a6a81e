#include "project/http/path_id.hpp"

#include "project/integer.hpp"

namespace users::http {

std::optional<std::int64_t> parsePathId(std::string_view text) {
    if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
    auto value = parseInteger(text);
    if (!value || *value < 0) return std::nullopt;
    return value;
}

}  // namespace users::http
