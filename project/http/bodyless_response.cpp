#include "project/http/bodyless_response.hpp"

namespace users::http {

std::string headerOnlyText(Pistache::Http::Version version, const Response& response, bool close) {
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
    if (response.status != 204) {
        text += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    }
    text += "\r\n";
    return text;
}

}  // namespace users::http
