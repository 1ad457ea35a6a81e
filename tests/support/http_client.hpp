#pragma once

#include <netinet/in.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

namespace users::testing {

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;

    std::string header(const std::string& lowerCaseName) const;
    rapidjson::Document json() const;  // fails the test if the body is not JSON
};

// 127.0.0.1:port, for connect().
sockaddr_in loopbackAddress(std::uint16_t port);

// One client connection to 127.0.0.1:port over a real socket, kept open between requests.
class HttpConnection {
public:
    // `receiveBuffer` > 0: the socket's SO_RCVBUF, set before connecting (a slow reader's window).
    explicit HttpConnection(std::uint16_t port, int receiveBuffer = 0);
    ~HttpConnection();
    HttpConnection(const HttpConnection&) = delete;
    HttpConnection& operator=(const HttpConnection&) = delete;

    HttpResponse request(const std::string& method, const std::string& path,
                         const std::string& body = "", const std::string& extraHeaders = "");
    void sendRaw(std::string_view bytes);
    // Half-closes: the client will send nothing more but still reads.
    void shutdownWrite();
    // Throws std::runtime_error when no complete response arrives in time. The answer to a
    // HEAD request has no body, whatever its Content-Length says; a chunked body is decoded.
    HttpResponse readResponse(std::chrono::milliseconds timeout = std::chrono::seconds(5),
                              bool headRequest = false);
    // True when the server closes (or half-closes) the connection within the timeout.
    bool closedByServer(std::chrono::milliseconds timeout = std::chrono::seconds(2));

    // Everything the server sends until it closes the connection (or the timeout).
    std::string readUntilClosed(std::chrono::milliseconds timeout = std::chrono::seconds(5));

private:
    std::string readChunkedBody(std::chrono::steady_clock::time_point deadline);
    bool fill(std::chrono::steady_clock::time_point deadline);

    int fd_ = -1;
    std::string buffer_;
};

// A single request on a fresh connection.
HttpResponse httpRequest(std::uint16_t port, const std::string& method, const std::string& path,
                         const std::string& body = "");

}  // namespace users::testing
