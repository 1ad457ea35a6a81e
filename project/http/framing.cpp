#include "project/http/framing.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace users::http {
namespace {

using State = RequestFramer::State;

constexpr std::size_t kMaxChunkSizeDigits = 8;
constexpr std::size_t kMaxChunkLineBytes = 1024;
constexpr std::size_t kMaxLengthDigits = 12;  // beyond any limit, below any overflow
constexpr std::size_t kCompactAfterBytes = 4096;

bool isTchar(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
}

bool isToken(std::string_view text) {
    if (text.empty()) return false;
    for (const unsigned char c : text) {
        if (!isTchar(c)) return false;
    }
    return true;
}

bool isHexDigit(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Control characters other than HTAB, which no head, chunk line or trailer may carry (CR and LF
// are checked as line ends).
bool isForbiddenControl(unsigned char c) {
    return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f;
}

bool isVisibleAscii(std::string_view text) {
    if (text.empty()) return false;
    for (const unsigned char c : text) {
        if (c < 0x21 || c > 0x7e) return false;
    }
    return true;
}

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// A Content-Length value without its OWS, except a trailing HTAB: http_parser, which proxies in
// front of us may share, refuses one there, so taking it would frame a request they do not.
std::string_view lengthValue(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

bool isDigits(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

}  // namespace

void RequestFramer::append(std::string_view bytes) {
    if (phase_ != Phase::Rejected) buffer_.append(bytes);
}

State RequestFramer::reject(int status, std::string rule) {
    phase_ = Phase::Rejected;
    rejection_ = {status, std::move(rule)};
    buffer_.clear();
    return State::Rejected;
}

State RequestFramer::next() {
    while (true) {
        State state = State::NeedMore;
        const Phase before = phase_;
        switch (phase_) {
            case Phase::Head:
                state = frameHead();
                break;
            case Phase::FixedBody:
                if (buffer_.size() - cursor_ < remaining_) return State::NeedMore;
                request_.body.assign(buffer_, cursor_, remaining_);
                cursor_ += remaining_;
                phase_ = Phase::Done;
                break;
            case Phase::ChunkSize:
                state = frameChunkSize();
                break;
            case Phase::ChunkData:
                state = frameChunkData();
                break;
            case Phase::Trailers:
                state = frameTrailers();
                break;
            case Phase::Done:
                return State::Ready;
            case Phase::Rejected:
                return State::Rejected;
        }
        if (state == State::Rejected) return state;
        if (phase_ == before) return State::NeedMore;
    }
}

RequestFramer::Request RequestFramer::take() {
    Request taken = std::move(request_);
    buffer_.erase(0, cursor_);
    request_ = {};
    start_ = cursor_ = scanned_ = lineStart_ = 0;
    hosts_ = 0;
    transferCodings_.clear();
    contentLengths_.clear();
    expectsContinue_ = false;
    phase_ = Phase::Head;
    return taken;
}

// Checks the head byte by byte as it arrives, so that a broken line is refused when it ends
// and an oversized head as soon as it passes the limit.
State RequestFramer::frameHead() {
    for (; scanned_ < buffer_.size(); ++scanned_) {
        const std::size_t at = scanned_;
        const auto c = static_cast<unsigned char>(buffer_[at]);
        if (!withinLimit(at + 1)) return reject(413, "head larger than the limit");
        if (c == '\n') {
            if (at == lineStart_ || buffer_[at - 1] != '\r') return reject(400, "bare LF");
            const std::string_view line(buffer_.data() + lineStart_, at - 1 - lineStart_);
            lineStart_ = at + 1;
            if (request_.method.empty()) {
                if (line.empty()) {
                    start_ = lineStart_;  // an empty line before the request line
                    continue;
                }
                if (parseRequestLine(line) == State::Rejected) return State::Rejected;
            } else if (line.empty()) {
                cursor_ = scanned_ = at + 1;
                return applyFraming();
            } else if (parseFieldLine(line, true) == State::Rejected) {
                return State::Rejected;
            }
        } else if (at > lineStart_ && buffer_[at - 1] == '\r') {
            return reject(400, "bare CR");
        } else if (isForbiddenControl(c)) {
            return reject(400, "control character in the head");
        }
    }
    if (request_.method.empty() && start_ >= kCompactAfterBytes && start_ == lineStart_) {
        buffer_.erase(0, start_);
        scanned_ -= start_;
        start_ = lineStart_ = 0;
    }
    return State::NeedMore;
}

State RequestFramer::parseRequestLine(std::string_view line) {
    const auto methodEnd = line.find(' ');
    if (methodEnd == std::string_view::npos) return reject(400, "request line without target");
    const auto targetEnd = line.find(' ', methodEnd + 1);
    if (targetEnd == std::string_view::npos) return reject(400, "request line without version");
    const auto method = line.substr(0, methodEnd);
    const auto target = line.substr(methodEnd + 1, targetEnd - methodEnd - 1);
    const auto version = line.substr(targetEnd + 1);
    if (!isToken(method)) return reject(400, "method is not a token");
    if (!isVisibleAscii(target)) return reject(400, "request target is not visible ASCII");
    const bool httpVersion = version.size() == 8 && version.substr(0, 5) == "HTTP/" &&
                             version[5] >= '0' && version[5] <= '9' && version[6] == '.' &&
                             version[7] >= '0' && version[7] <= '9';
    if (!httpVersion) return reject(400, "malformed HTTP version");
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        return reject(505, "HTTP version not supported");
    }
    request_.method = method;
    request_.target = target;
    request_.version = version;
    return State::NeedMore;
}

// A header or trailer field line; only header fields are kept.
State RequestFramer::parseFieldLine(std::string_view line, bool header) {
    if (line.front() == ' ' || line.front() == '\t') return reject(400, "obs-fold line");
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return reject(400, "field line without a colon");
    const auto name = line.substr(0, colon);
    if (!isToken(name)) return reject(400, "field name is not a token");
    const auto value = trimmed(line.substr(colon + 1));
    if (!header) return State::NeedMore;
    const std::string key = lowered(name);
    if (key == "content-length") {
        contentLengths_.emplace_back(lengthValue(line.substr(colon + 1)));
        return State::NeedMore;
    }
    if (key == "transfer-encoding") {
        std::size_t from = 0;
        while (true) {
            const auto comma = value.find(',', from);
            transferCodings_.push_back(lowered(trimmed(value.substr(from, comma - from))));
            if (comma == std::string_view::npos) break;
            from = comma + 1;
        }
        return State::NeedMore;
    }
    if (key == "host") ++hosts_;
    // RFC 9110 10.1.1: an HTTP/1.0 client is never sent a 100 (Continue).
    if (key == "expect" && lowered(value) == "100-continue" && request_.version == "HTTP/1.1") {
        expectsContinue_ = true;
    }
    request_.fields.emplace_back(name, value);
    return State::NeedMore;
}

// The head is complete: decide how the body is framed.
State RequestFramer::applyFraming() {
    if (hosts_ > 1) return reject(400, "more than one Host field");
    if (!transferCodings_.empty()) {
        if (!contentLengths_.empty()) return reject(400, "Transfer-Encoding with Content-Length");
        if (request_.version != "HTTP/1.1") return reject(400, "Transfer-Encoding in HTTP/1.0");
        for (const auto& coding : transferCodings_) {
            if (coding.empty()) return reject(400, "empty transfer coding");
        }
        if (transferCodings_.back() != "chunked")
            return reject(400, "chunked is not the last coding");
        const auto chunked =
            std::count(transferCodings_.begin(), transferCodings_.end(), "chunked");
        if (chunked > 1) return reject(400, "chunked applied more than once");
        if (transferCodings_.size() > 1) return reject(501, "transfer coding not implemented");
        phase_ = Phase::ChunkSize;
        return State::NeedMore;
    }
    if (contentLengths_.empty()) {
        phase_ = Phase::Done;
        return State::NeedMore;
    }
    if (contentLengths_.size() > 1) return reject(400, "more than one Content-Length");
    const std::string& text = contentLengths_.front();
    if (!isDigits(text)) return reject(400, "Content-Length is not digits only");
    // Leading zeros are valid digits (1*DIGIT): only the significant ones can overflow.
    const std::string_view digits =
        std::string_view(text).substr(std::min(text.find_first_not_of('0'), text.size()));
    if (digits.size() > kMaxLengthDigits) return reject(413, "declared length above the limit");
    std::uint64_t length = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), length);
    if (length > maxRequestBytes_ || !withinLimit(cursor_ + length)) {
        return reject(413, "declared length above the limit");
    }
    remaining_ = length;
    phase_ = Phase::FixedBody;
    return State::NeedMore;
}

// A complete line from `from`, CRLF checked: its end (the LF), or npos while it is incomplete.
// Sets `broken` when the bytes so far break the line rules; a line reaching `maxBytes` is refused
// with `tooLongStatus` before its next byte is looked at, whatever that byte is.
std::size_t RequestFramer::findLineEnd(std::size_t from, std::size_t maxBytes, int tooLongStatus,
                                       Rejection& broken) {
    // Resumes where the last call stopped: rescanning a line that arrives a byte at a time from
    // its start would cost the square of its length.
    for (std::size_t at = std::max(from, scanned_); at < buffer_.size(); scanned_ = ++at) {
        const auto c = static_cast<unsigned char>(buffer_[at]);
        if (at - from >= maxBytes) {
            broken = {tooLongStatus, "line longer than allowed"};
            return std::string::npos;
        }
        if (c == '\n') {
            if (at == from || buffer_[at - 1] != '\r') broken = {400, "bare LF"};
            return at;
        }
        if (at > from && buffer_[at - 1] == '\r') {
            broken = {400, "bare CR"};
            return std::string::npos;
        }
        if (isForbiddenControl(c)) {
            broken = {400, "control character in a chunk line"};
            return std::string::npos;
        }
    }
    return std::string::npos;
}

State RequestFramer::frameChunkSize() {
    Rejection broken;
    const std::size_t end = findLineEnd(cursor_, kMaxChunkLineBytes, 400, broken);
    if (!broken.rule.empty()) return reject(broken.status, broken.rule);
    if (end == std::string::npos) return State::NeedMore;
    const std::string_view line(buffer_.data() + cursor_, end - 1 - cursor_);
    std::size_t digits = 0;
    while (digits < line.size() && isHexDigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits == 0 || digits > kMaxChunkSizeDigits) return reject(400, "malformed chunk size");
    if (digits < line.size() && line[digits] != ';') return reject(400, "malformed chunk size");
    std::uint64_t size = 0;
    std::from_chars(line.data(), line.data() + digits, size, 16);
    cursor_ = end + 1;
    if (!withinLimit(cursor_ + size)) return reject(413, "chunked body above the limit");
    remaining_ = size;
    phase_ = size == 0 ? Phase::Trailers : Phase::ChunkData;
    return State::NeedMore;
}

State RequestFramer::frameChunkData() {
    if (buffer_.size() - cursor_ < remaining_ + 2) return State::NeedMore;
    if (buffer_.compare(cursor_ + remaining_, 2, "\r\n") != 0) {
        return reject(400, "chunk data not followed by CRLF");
    }
    request_.body.append(buffer_, cursor_, remaining_);
    cursor_ += remaining_ + 2;
    phase_ = Phase::ChunkSize;
    return State::NeedMore;
}

State RequestFramer::frameTrailers() {
    while (true) {
        // Only the bytes within the limit are looked at, so the status does not depend on how
        // many bytes past it have arrived.
        Rejection broken;
        const std::size_t room = maxRequestBytes_ - (cursor_ - start_);
        const std::size_t end = findLineEnd(cursor_, room, 413, broken);
        if (!broken.rule.empty()) return reject(broken.status, broken.rule);
        if (end == std::string::npos) return State::NeedMore;
        const std::string_view line(buffer_.data() + cursor_, end - 1 - cursor_);
        cursor_ = end + 1;
        if (line.empty()) {
            phase_ = Phase::Done;
            return State::NeedMore;
        }
        if (parseFieldLine(line, false) == State::Rejected) return State::Rejected;
    }
}

}  // namespace users::http
