#pragma once

#include <string>
#include <vector>

#include "project/http/response.hpp"

namespace users::http {

// Cross-origin access for browser clients. Origins are exact ("https://app.example.com"), or
// the single entry "*" for any origin (the reference service's default).
class Cors {
public:
    explicit Cors(std::vector<std::string> origins = {"*"});

    // Adds Access-Control-Allow-Origin (and Expose-Headers) for an allowed `origin`, and
    // Vary: Origin whenever the answer depends on it. `origin` is empty without the header.
    void decorate(const std::string& origin, Response& response) const;

    // Adds what a preflight request may learn: the path's methods, the requested headers.
    void preflight(const std::string& origin, const std::string& requestedHeaders,
                   const std::vector<std::string>& allowedMethods, Response& response) const;

private:
    bool allows(const std::string& origin) const;

    std::vector<std::string> origins_;
    bool any_ = false;
};

}  // namespace users::http
