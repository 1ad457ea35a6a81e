#include "project/http/cors.hpp"

#include <algorithm>
#include <cctype>

namespace users::http {
namespace {

// Header names a client may read from a cross-origin answer beyond the CORS-safelisted ones.
constexpr const char* kExposedHeaders = "Link, Retry-After, Allow";
constexpr const char* kPreflightMaxAgeSeconds = "600";

// Request header names are tokens: anything else is not echoed back.
bool isHeaderList(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ',' ||
               c == ' ';
    });
}

}  // namespace

Cors::Cors(std::vector<std::string> origins) : origins_(std::move(origins)) {
    any_ = std::find(origins_.begin(), origins_.end(), "*") != origins_.end();
}

bool Cors::allows(const std::string& origin) const {
    if (origin.empty()) return false;
    return any_ || std::find(origins_.begin(), origins_.end(), origin) != origins_.end();
}

void Cors::decorate(const std::string& origin, Response& response) const {
    if (!any_) response.headers.emplace_back("Vary", "Origin");
    if (!allows(origin)) return;
    response.headers.emplace_back("Access-Control-Allow-Origin", any_ ? "*" : origin);
    response.headers.emplace_back("Access-Control-Expose-Headers", kExposedHeaders);
}

void Cors::preflight(const std::string& origin, const std::string& requestedHeaders,
                     const std::vector<std::string>& allowedMethods, Response& response) const {
    if (!allows(origin)) return;
    response.headers.emplace_back("Access-Control-Allow-Methods", joinList(allowedMethods));
    const bool echo = !requestedHeaders.empty() && isHeaderList(requestedHeaders);
    response.headers.emplace_back("Access-Control-Allow-Headers",
                                  echo ? requestedHeaders : "Content-Type");
    response.headers.emplace_back("Access-Control-Max-Age", kPreflightMaxAgeSeconds);
}

}  // namespace users::http
