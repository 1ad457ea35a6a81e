#include "fuzz/http_parser_oracle.hpp"

#include <http_parser.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace users::fuzz {
namespace {

struct Progress {
    bool complete = false;
    std::string body;
    std::vector<std::string> names;  // field names, lower case
    bool inValue = true;
    bool headComplete = false;
};

int onHeadersComplete(http_parser* parser) {
    static_cast<Progress*>(parser->data)->headComplete = true;
    return 0;
}

int onHeaderField(http_parser* parser, const char* at, std::size_t length) {
    auto& progress = *static_cast<Progress*>(parser->data);
    if (progress.inValue) progress.names.emplace_back();
    progress.inValue = false;
    for (const char c : std::string_view(at, length)) {
        progress.names.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return 0;
}

int onHeaderValue(http_parser* parser, const char*, std::size_t) {
    static_cast<Progress*>(parser->data)->inValue = true;
    return 0;
}

// http_parser 2.9.4 takes any field whose name only starts with "Transfer-Encoding"
// ("Transfer-Encodingx") for a Transfer-Encoding, and then refuses the request for it (as not
// chunked, or as sent with a Content-Length).
bool misreadsAsTransferEncoding(const Progress& progress) {
    const std::string_view name = "transfer-encoding";
    return std::any_of(progress.names.begin(), progress.names.end(), [&](const auto& field) {
        return field.size() > name.size() && field.compare(0, name.size(), name) == 0;
    });
}

int onBody(http_parser* parser, const char* at, std::size_t length) {
    static_cast<Progress*>(parser->data)->body.append(at, length);
    return 0;
}

int onMessageComplete(http_parser* parser) {
    static_cast<Progress*>(parser->data)->complete = true;
    return 0;
}

}  // namespace

LenientDecision httpParserFrame(std::string_view bytes) {
    using Kind = LenientDecision::Kind;
    http_parser parser;
    http_parser_init(&parser, HTTP_REQUEST);
    http_parser_settings settings;
    http_parser_settings_init(&settings);
    settings.on_header_field = onHeaderField;
    settings.on_header_value = onHeaderValue;
    settings.on_headers_complete = onHeadersComplete;
    settings.on_body = onBody;
    settings.on_message_complete = onMessageComplete;
    Progress progress;
    parser.data = &progress;
    // A byte at a time, so that the end is where the message completed, not where it stopped.
    for (std::size_t at = 0; at < bytes.size(); ++at) {
        http_parser_execute(&parser, &settings, bytes.data() + at, 1);
        const auto error = HTTP_PARSER_ERRNO(&parser);
        // It also reads a Content-Length among the trailers, where it frames nothing.
        const bool trailerLength =
            progress.headComplete &&
            (error == HPE_INVALID_CONTENT_LENGTH || error == HPE_UNEXPECTED_CONTENT_LENGTH);
        if (parser.upgrade || error == HPE_INVALID_METHOD || error == HPE_INVALID_URL ||
            trailerLength || (error != HPE_OK && misreadsAsTransferEncoding(progress))) {
            return {Kind::OutOfScope, 0, {}};
        }
        if (error != HPE_OK) return {Kind::Rejected, 0, {}};
        if (progress.complete) return {Kind::Ready, at + 1, std::move(progress.body)};
    }
    return {};
}

}  // namespace users::fuzz
