#include "project/api/docs/swagger_ui.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include "project/api/docs/gzip.hpp"

namespace users::api {
namespace {

// The package's files change only with its version: let browsers keep them for a day.
constexpr const char* kPackageCaching = "public, max-age=86400";
// Ours name the document: revalidate, so that a new deployment shows at once.
constexpr const char* kPageCaching = "no-cache";

constexpr const char* kIndex = R"(<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Users API</title>
  <link rel="stylesheet" href="swagger-ui.css">
  <link rel="icon" type="image/png" href="favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="swagger-ui-bundle.js"></script>
  <script src="swagger-initializer.js"></script>
</body>
</html>
)";

// validatorUrl null: the stock page would send the document to an outside validator.
constexpr const char* kInitializer = R"(window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "../openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null
  });
};
)";

struct PackageFile {
    const char* name;
    const char* contentType;
    bool required;
    bool compressible;  // text; PNGs are compressed already
};

constexpr std::array<PackageFile, 4> kPackageFiles = {{
    {"swagger-ui-bundle.js", "application/javascript; charset=utf-8", true, true},
    {"swagger-ui.css", "text/css; charset=utf-8", true, true},
    {"favicon-32x32.png", "image/png", false, false},
    {"favicon-16x16.png", "image/png", false, false},
}};

std::optional<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

http::Response page(std::string body, const char* contentType, const char* caching) {
    return {200, std::move(body), {{"Cache-Control", caching}}, contentType};
}

// The same file gzip-compressed; both answers say that they depend on Accept-Encoding.
SwaggerUi::File compressible(http::Response plain) {
    http::Response gzipped = plain;
    gzipped.body = gzipCompress(plain.body);
    gzipped.headers.emplace_back("Content-Encoding", "gzip");
    for (auto* response : {&plain, &gzipped}) {
        response->headers.emplace_back("Vary", "Accept-Encoding");
    }
    return {std::move(plain), std::move(gzipped)};
}

}  // namespace

SwaggerUi::SwaggerUi(const std::string& directory) {
    for (const auto& file : kPackageFiles) {
        auto content = readFile(directory + "/" + file.name);
        if (content) {
            http::Response plain = page(std::move(*content), file.contentType, kPackageCaching);
            files_.emplace(file.name,
                           file.compressible ? compressible(std::move(plain)) : File{plain, {}});
        } else if (file.required) {
            problem_ = "no " + std::string(file.name) + " in SWAGGER_UI_DIR=" + directory;
            files_.clear();
            return;
        }
    }
    files_.emplace("index.html", File{page(kIndex, "text/html; charset=utf-8", kPageCaching), {}});
    files_.emplace(
        "swagger-initializer.js",
        File{page(kInitializer, "application/javascript; charset=utf-8", kPageCaching), {}});
}

std::optional<http::Response> SwaggerUi::file(const std::string& name, bool gzip) const {
    auto found = files_.find(name);
    if (found == files_.end()) return std::nullopt;
    if (gzip && found->second.gzipped) return found->second.gzipped;
    return found->second.plain;
}

}  // namespace users::api
