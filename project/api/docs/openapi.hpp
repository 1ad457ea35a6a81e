#pragma once

#include <string>
#include <vector>

#include "project/http/router.hpp"

namespace users::api {

struct ApiInfo {
    std::string title;
    std::string version;
    std::string description;  // Markdown, shown above the operations
    std::string license;      // info.license.name, e.g. "MIT"
};

// The OpenAPI 3.0 document of `routes`, assembled from the very schemas that validate requests
// and describe responses. A schema with a "title" becomes a component and is referenced by
// name; two different schemas with one title are a programming error (std::logic_error).
// Every operation also documents 413, which any request can meet.
std::string openApiDocument(const std::vector<const http::Route*>& routes, const ApiInfo& info);

}  // namespace users::api
