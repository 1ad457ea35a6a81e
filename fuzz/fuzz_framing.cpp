// The incremental request framer against fuzz/reference_framing (the same rules, read from the
// whole buffer at once). The input is a byte stream, usually two requests back to back; its first
// two bytes pick where it is split in two. Fed split, fed byte by byte and read by the reference,
// the stream must give the same decisions: accepted or refused, the status, where each request
// ends, and what it carries; and the framer must be no laxer than Debian's http_parser
// (fuzz/http_parser_oracle). Any difference aborts.
#include <array>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/http_parser_oracle.hpp"
#include "fuzz/reference_framing.hpp"
#include "project/http/framing.hpp"

namespace {

using users::fuzz::ReferenceDecision;
using users::http::RequestFramer;

// Small, so that inputs of a few hundred bytes reach the 413 rules.
constexpr std::size_t kLimit = 256;

struct Decision {
    std::string text;     // "Ready ..." with everything framed, or "Rejected <status>"
    std::size_t end = 0;  // where a Ready request ends; 0 when unknown (or Rejected)
    bool ready = false;
    std::string body;

    bool operator==(const Decision& other) const { return text == other.text && end == other.end; }
};

template <typename Framed>
Decision ready(const Framed& r, std::size_t end) {
    std::string text = "Ready " + r.method + " " + r.target + " " + r.version;
    for (const auto& [name, value] : r.fields)
        text.append(" <").append(name + ":").append(value + ">");
    return {text + " [" + r.body + "]", end, true, r.body};
}

Decision rejected(int status) { return {"Rejected " + std::to_string(status), 0, false, ""}; }

// Every decision the framer makes while `bytes` arrive in pieces of `pieceBytes` (0: whole);
// with `split`, as two pieces cut there. Ends are known only when fed byte by byte.
std::vector<Decision> frame(std::string_view bytes, std::size_t pieceBytes, std::size_t split) {
    RequestFramer framer(kLimit);
    std::vector<Decision> decisions;
    std::vector<std::string_view> pieces;
    if (pieceBytes == 0) {
        pieces = {bytes.substr(0, split), bytes.substr(split)};
    } else {
        for (std::size_t at = 0; at < bytes.size(); at += pieceBytes) {
            pieces.push_back(bytes.substr(at, pieceBytes));
        }
    }
    std::size_t appended = 0;
    for (const auto piece : pieces) {
        framer.append(piece);
        appended += piece.size();
        for (auto state = framer.next(); state != RequestFramer::State::NeedMore;
             state = framer.next()) {
            if (state == RequestFramer::State::Rejected) {
                decisions.push_back(rejected(framer.rejection().status));
                return decisions;
            }
            decisions.push_back(ready(framer.take(), pieceBytes == 1 ? appended : 0));
        }
    }
    return decisions;
}

std::vector<Decision> reference(std::string_view bytes) {
    std::vector<Decision> decisions;
    for (std::size_t from = 0;;) {
        const ReferenceDecision d = users::fuzz::referenceFrame(bytes, from, kLimit);
        if (d.kind == ReferenceDecision::Kind::Incomplete) return decisions;
        if (d.kind == ReferenceDecision::Kind::Rejected) {
            decisions.push_back(rejected(d.status));
            return decisions;
        }
        decisions.push_back(ready(d, d.end));
        from = d.end;
    }
}

void expectSame(const std::vector<Decision>& expected, std::vector<Decision> actual,
                const char* how, bool compareEnds) {
    if (!compareEnds) {
        for (std::size_t i = 0; i < actual.size() && i < expected.size(); ++i) {
            actual[i].end = expected[i].end;
        }
    }
    if (actual == expected) return;
    std::cerr << "framer fed " << how << " differs from the reference\n";
    for (const auto& d : expected)
        std::cerr << "  reference: " << d.text << " end " << d.end << '\n';
    for (const auto& d : actual) std::cerr << "  framer:    " << d.text << " end " << d.end << '\n';
    std::abort();
}

// The framer is stricter than http_parser, never laxer: it accepts nothing http_parser refuses,
// and where both accept the first request, they agree on its end and body.
void expectNoLaxerThanHttpParser(std::string_view bytes, const std::vector<Decision>& framed) {
    using Kind = users::fuzz::LenientDecision::Kind;
    const auto lenient = users::fuzz::httpParserFrame(bytes);
    if (framed.empty() || !framed.front().ready || lenient.kind == Kind::OutOfScope) return;
    const Decision& first = framed.front();
    if (lenient.kind == Kind::Ready && lenient.end == first.end && lenient.body == first.body) {
        return;
    }
    const std::array<const char*, 4> verdicts = {"still reading", "ready", "refusing",
                                                 "out of scope"};
    std::cerr << "framer accepted " << first.text << " (end " << first.end << "), http_parser is "
              << verdicts.at(static_cast<std::size_t>(lenient.kind)) << " (end " << lenient.end
              << ")\n";
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 2, size - 2);
    const std::size_t split = (data[0] | (data[1] << 8)) % (bytes.size() + 1);
    const auto expected = reference(bytes);
    const auto byteByByte = frame(bytes, 1, 0);
    expectSame(expected, byteByByte, "byte by byte", true);
    expectSame(expected, frame(bytes, 0, split), "split in two", false);
    expectNoLaxerThanHttpParser(bytes, byteByByte);
    return 0;
}
