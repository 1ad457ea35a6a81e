#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace users::fuzz {

// Where Debian's http_parser 2.9.4 (a lenient build: it takes space before a colon, bare LF,
// obs-fold, padded chunk sizes) says the first request in `bytes` ends. The framer may refuse
// more than it does, never less, and where both accept they must agree on the end and the body.
struct LenientDecision {
    // OutOfScope: refused for what the request means rather than where it ends (a method outside
    // its fixed list, a target form it does not know), handed over to another protocol (Upgrade,
    // CONNECT), or refused for a bug of its own.
    enum class Kind { Incomplete, Ready, Rejected, OutOfScope };
    Kind kind = Kind::Incomplete;
    std::size_t end = 0;
    std::string body;
};

LenientDecision httpParserFrame(std::string_view bytes);

}  // namespace users::fuzz
