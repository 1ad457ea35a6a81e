#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace users::http {

// Where one request ends, decided from a connection's bytes before any of them reaches a handler,
// by these rules (RFC 9112 sections; a broken rule rejects the request and closes the connection):
//
//   rule                                                                    RFC 9112   status
//   every line ends with CRLF: a bare CR or a bare LF is refused            2.2        400
//   empty lines before the request line are skipped                         2.2        -
//   request line = token SP target SP version; target visible ASCII only   3          400
//   version HTTP/1.0 or HTTP/1.1; another HTTP/x.y                          2.3        505
//   field name = token, the colon right after it (no whitespace before)    5, 5.1     400
//   a field line starting with SP or HTAB (obs-fold) is refused            5.2        400
//   field values: no NUL or other control character but HTAB              5.5        400
//   at most one Host field                                                 3.2        400
//   Content-Length: one field line, ASCII digits only (no sign, list, hex) 6.2, 6.3   400
//   Transfer-Encoding together with Content-Length                         6.1, 6.3   400
//   Transfer-Encoding: chunked once and last (else the length is unknown)  6.1, 6.3   400
//   Transfer-Encoding: another coding before chunked (none is supported)   6.1        501
//   chunk size: 1 to 8 hex digits, then ";extensions" or CRLF; the data    7.1        400
//     followed by CRLF; trailer lines follow the field line rules
//   no Content-Length and no Transfer-Encoding: the body is empty          6.3        -
//   the request as sent (head and body) fits the size limit, checked from  -          413
//     the declared length alone, before any body byte is awaited
//
// After a rejection nothing more on the connection is framed. Requests sent back to back
// (pipelined) are framed one after the other.
class RequestFramer {
public:
    explicit RequestFramer(std::size_t maxRequestBytes) : maxRequestBytes_(maxRequestBytes) {}

    struct Request {
        std::string method;
        std::string target;
        std::string version;  // "HTTP/1.0" or "HTTP/1.1"
        // Every field as received, less Content-Length and Transfer-Encoding (the body is
        // decoded and its length is body.size()).
        std::vector<std::pair<std::string, std::string>> fields;
        std::string body;
    };
    struct Rejection {
        int status = 400;
        std::string rule;  // for the log, never for the client
    };
    enum class State { NeedMore, Ready, Rejected };

    // Adds bytes as they arrive; a rejected framer ignores them.
    void append(std::string_view bytes);
    // Frames the next request from what has arrived. Ready: take it with take(); Rejected:
    // rejection() says why, and every later call says Rejected too.
    State next();
    Request take();
    const Rejection& rejection() const { return rejection_; }
    // True once a request line has begun to arrive and until its request is taken.
    bool inRequest() const { return phase_ != Phase::Head || buffer_.size() > start_; }
    // The head asked for "Expect: 100-continue" and its body has not arrived yet.
    bool awaitsContinue() const {
        return expectsContinue_ && phase_ != Phase::Head && phase_ != Phase::Done &&
               phase_ != Phase::Rejected;
    }

private:
    enum class Phase { Head, FixedBody, ChunkSize, ChunkData, Trailers, Done, Rejected };

    State reject(int status, std::string rule);
    State frameHead();
    State parseRequestLine(std::string_view line);
    State parseFieldLine(std::string_view line, bool header);
    State applyFraming();
    State frameChunkSize();
    State frameChunkData();
    State frameTrailers();
    bool withinLimit(std::size_t end) const { return end - start_ <= maxRequestBytes_; }
    std::size_t findLineEnd(std::size_t from, std::size_t maxBytes, int tooLongStatus,
                            Rejection& broken);

    std::size_t maxRequestBytes_;
    std::string buffer_;
    std::size_t start_ = 0;    // where the request being framed begins in buffer_
    std::size_t cursor_ = 0;   // how far it has been framed
    std::size_t scanned_ = 0;  // how far the head, or a chunk or trailer line, has been checked
    std::size_t lineStart_ = 0;
    Phase phase_ = Phase::Head;
    Rejection rejection_;
    Request request_;
    std::vector<std::string> transferCodings_;
    std::vector<std::string> contentLengths_;
    int hosts_ = 0;
    std::size_t remaining_ = 0;  // body or chunk bytes still to come
    bool expectsContinue_ = false;
};

}  // namespace users::http
