#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "project/http/json.hpp"
#include "project/later.hpp"

namespace users::http {

// What a handler returns; the HTTP handler writes it. Bodies are JSON but for the Swagger UI
// pages and the metrics.
struct Response {
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string contentType = "application/json";  // empty: no body, no Content-Type
    // A body too large to hold at once: `body` is its first piece and each call gives the
    // next, "" at the end. Empty: `body` is all of it.
    std::function<Later<std::string>()> nextPiece = nullptr;
};

inline Response jsonResponse(int status, std::string body) { return {status, std::move(body), {}}; }

// "a, b": the form of list headers such as Allow and Access-Control-Allow-Methods.
inline std::string joinList(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

inline Response messageResponse(int status, const std::string& message) {
    return {status, messageJson(message), {}};
}

}  // namespace users::http
