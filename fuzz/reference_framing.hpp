#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace users::fuzz {

// A second, deliberately plain reading of the rules table in project/http/framing.hpp, for the
// framing fuzzer to hold the incremental RequestFramer against. It sees all the bytes at once and
// shares no code with the framer. Where several rules break, the first broken in byte order
// decides; at the end of the head: Host, then Transfer-Encoding, then Content-Length.
struct ReferenceDecision {
    enum class Kind { Incomplete, Ready, Rejected };
    Kind kind = Kind::Incomplete;
    int status = 0;       // Rejected
    std::size_t end = 0;  // Ready: where the request ends in the bytes
    std::string method, target, version, body;
    std::vector<std::pair<std::string, std::string>> fields;  // less Content-Length, T-E
};

// The decision on the request that starts at `from` in `bytes`.
ReferenceDecision referenceFrame(std::string_view bytes, std::size_t from, std::size_t limit);

}  // namespace users::fuzz
