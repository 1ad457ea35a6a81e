#include "project/http/path_template.hpp"

namespace users::http {

std::vector<std::string_view> pathSegments(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        if (end > start) segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

std::optional<std::string_view> parameterName(std::string_view segment) {
    if (segment.size() <= 2 || segment.front() != '{' || segment.back() != '}') return std::nullopt;
    return segment.substr(1, segment.size() - 2);
}

}  // namespace users::http
