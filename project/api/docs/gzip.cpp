#include "project/api/docs/gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <stdexcept>

namespace users::api {
namespace {

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// "q=0", "q=0.0", "q=0.000": the coding is refused; anything else (or no q) accepts it.
bool refusedByQuality(std::string_view parameters) {
    while (!parameters.empty()) {
        const auto semicolon = parameters.find(';');
        const std::string_view parameter = trimmed(parameters.substr(0, semicolon));
        parameters = semicolon == std::string_view::npos ? "" : parameters.substr(semicolon + 1);
        if (parameter.size() < 2 || !equalsIgnoringCase(parameter.substr(0, 2), "q=")) continue;
        const std::string_view value = trimmed(parameter.substr(2));
        return !value.empty() && value.find_first_not_of("0.") == std::string_view::npos;
    }
    return false;
}

}  // namespace

std::string gzipCompress(std::string_view data) {
    z_stream stream{};
    // 15 window bits + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
        throw std::runtime_error("zlib: deflateInit2 failed");
    }
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
    return out;
}

bool acceptsGzip(std::string_view acceptEncoding) {
    std::optional<bool> gzip;
    std::optional<bool> any;
    while (!acceptEncoding.empty()) {
        const auto comma = acceptEncoding.find(',');
        const std::string_view item = acceptEncoding.substr(0, comma);
        acceptEncoding = comma == std::string_view::npos ? "" : acceptEncoding.substr(comma + 1);
        const auto semicolon = item.find(';');
        const std::string_view coding = trimmed(item.substr(0, semicolon));
        const bool accepted =
            semicolon == std::string_view::npos || !refusedByQuality(item.substr(semicolon + 1));
        if (equalsIgnoringCase(coding, "gzip") || equalsIgnoringCase(coding, "x-gzip")) {
            gzip = accepted;
        } else if (coding == "*") {
            any = accepted;
        }
    }
    return gzip.value_or(any.value_or(false));
}

}  // namespace users::api
