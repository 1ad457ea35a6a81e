#pragma once

#include <map>
#include <optional>
#include <string>

#include "project/http/response.hpp"

namespace users::api {

// The Swagger UI pages under /doc/: our index and initializer (pointing at ../openapi.json),
// plus the few files of npm's swagger-ui-dist they need, read once from `directory`. The
// bundle and the stylesheet (~1.9 MB together) are also gzip-compressed once, at start.
class SwaggerUi {
public:
    struct File {
        http::Response plain;
        std::optional<http::Response> gzipped;  // only for text files
    };

    explicit SwaggerUi(const std::string& directory);

    bool available() const { return problem_.empty(); }
    const std::string& problem() const { return problem_; }  // why not available

    // The file as a 200 response with its content type and caching headers, gzip-compressed
    // when `gzip` (the client accepts it) and the file is text; nothing for a name that is not
    // one of ours.
    std::optional<http::Response> file(const std::string& name, bool gzip = false) const;

private:
    std::map<std::string, File> files_;
    std::string problem_;
};

}  // namespace users::api
