#include "project/api/docs/swagger_ui.hpp"

#include <array>
#include <fstream>
#include <sstream>

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
};

constexpr std::array<PackageFile, 4> kPackageFiles = {{
    {"swagger-ui-bundle.js", "application/javascript; charset=utf-8", true},
    {"swagger-ui.css", "text/css; charset=utf-8", true},
    {"favicon-32x32.png", "image/png", false},
    {"favicon-16x16.png", "image/png", false},
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

}  // namespace

SwaggerUi::SwaggerUi(const std::string& directory) {
    for (const auto& file : kPackageFiles) {
        auto content = readFile(directory + "/" + file.name);
        if (content) {
            files_.emplace(file.name, page(std::move(*content), file.contentType, kPackageCaching));
        } else if (file.required) {
            problem_ = "no " + std::string(file.name) + " in SWAGGER_UI_DIR=" + directory;
            files_.clear();
            return;
        }
    }
    files_.emplace("index.html", page(kIndex, "text/html; charset=utf-8", kPageCaching));
    files_.emplace("swagger-initializer.js",
                   page(kInitializer, "application/javascript; charset=utf-8", kPageCaching));
}

std::optional<http::Response> SwaggerUi::file(const std::string& name) const {
    auto found = files_.find(name);
    if (found == files_.end()) return std::nullopt;
    return found->second;
}

}  // namespace users::api
