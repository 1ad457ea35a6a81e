#include "project/http/response_head.hpp"

namespace users::http {
namespace {

// `framing`: the line that says where the body ends, or "" for none.
std::string headText(Pistache::Http::Version version, const Response& response, bool close,
                     const std::string& framing) {
    const auto code = static_cast<Pistache::Http::Code>(response.status);
    std::string text = Pistache::Http::versionString(version);
    text += " " + std::to_string(response.status) + " " + Pistache::Http::codeString(code) + "\r\n";
    for (const auto& [name, value] : response.headers) {
        text += name;
        text += ": ";
        text += value;
        text += "\r\n";
    }
    if (!response.contentType.empty()) text += "Content-Type: " + response.contentType + "\r\n";
    if (close) text += "Connection: Close\r\n";
    text += framing;
    text += "\r\n";
    return text;
}

}  // namespace

std::string headerOnlyText(Pistache::Http::Version version, const Response& response, bool close) {
    const std::string length =
        response.status == 204 ? ""
                               : "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    return headText(version, response, close, length);
}

std::string responseText(Pistache::Http::Version version, const Response& response, bool close) {
    return headerOnlyText(version, response, close) + response.body;
}

std::string streamedHeadText(Pistache::Http::Version version, const Response& response,
                             bool close) {
    if (version == Pistache::Http::Version::Http10) return headText(version, response, true, "");
    return headText(version, response, close, "Transfer-Encoding: chunked\r\n");
}

}  // namespace users::http
