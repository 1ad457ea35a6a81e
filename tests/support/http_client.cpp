#include "tests/support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <utility>

#include <gtest/gtest.h>

namespace users::testing {

std::string HttpResponse::header(const std::string& lowerCaseName) const {
    auto it = headers.find(lowerCaseName);
    return it == headers.end() ? "" : it->second;
}

rapidjson::Document HttpResponse::json() const {
    rapidjson::Document document;
    document.Parse(body.c_str(), body.size());
    EXPECT_FALSE(document.HasParseError()) << "not JSON: " << body;
    return document;
}

sockaddr_in loopbackAddress(std::uint16_t port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

HttpConnection::HttpConnection(std::uint16_t port, int receiveBuffer) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in address = loopbackAddress(port);
    if (fd_ >= 0 && receiveBuffer > 0) {
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
    }
    if (fd_ < 0 ||
        ::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        if (fd_ >= 0) ::close(fd_);
        throw std::runtime_error("cannot connect to port " + std::to_string(port));
    }
}

HttpConnection::~HttpConnection() {
    if (fd_ >= 0) ::close(fd_);
}

HttpResponse HttpConnection::request(const std::string& method, const std::string& path,
                                     const std::string& body, const std::string& extraHeaders) {
    std::string text = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
    if (!body.empty() || method == "POST" || method == "PUT") {
        text += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                "\r\n";
    }
    sendRaw(text + "\r\n" + body);
    return readResponse(std::chrono::seconds(5), method == "HEAD");
}

void HttpConnection::sendRaw(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent <= 0) throw std::runtime_error("send failed");
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
}

void HttpConnection::shutdownWrite() { ::shutdown(fd_, SHUT_WR); }

bool HttpConnection::fill(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd pfd{fd_, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[16384];
    const ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
    if (got <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(got));
    return true;
}

HttpResponse HttpConnection::readResponse(std::chrono::milliseconds timeout, bool headRequest) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t headerEnd;
    while ((headerEnd = buffer_.find("\r\n\r\n")) == std::string::npos) {
        if (!fill(deadline)) throw std::runtime_error("no response headers: " + buffer_);
    }
    HttpResponse response;
    const std::string head = buffer_.substr(0, headerEnd);
    response.status = std::stoi(head.substr(head.find(' ') + 1, 3));
    std::size_t lineStart = head.find("\r\n");
    while (lineStart != std::string::npos) {
        const std::size_t next = head.find("\r\n", lineStart + 2);
        const std::string line = head.substr(lineStart + 2, next - lineStart - 2);
        const std::size_t colon = line.find(':');
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), ::tolower);
        response.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
        lineStart = next;
    }
    if (!headRequest && response.header("transfer-encoding") == "chunked") {
        buffer_.erase(0, headerEnd + 4);
        response.body = readChunkedBody(deadline);
        return response;
    }
    const std::string stated = response.header("content-length");
    const std::size_t length = headRequest || stated.empty() ? 0 : std::stoul(stated);
    while (buffer_.size() < headerEnd + 4 + length) {
        if (!fill(deadline)) throw std::runtime_error("truncated response body");
    }
    response.body = buffer_.substr(headerEnd + 4, length);
    buffer_.erase(0, headerEnd + 4 + length);
    return response;
}

std::string HttpConnection::readChunkedBody(std::chrono::steady_clock::time_point deadline) {
    std::string body;
    for (;;) {
        std::size_t lineEnd;
        while ((lineEnd = buffer_.find("\r\n")) == std::string::npos) {
            if (!fill(deadline)) throw std::runtime_error("truncated chunk size");
        }
        const std::size_t size = std::stoul(buffer_.substr(0, lineEnd), nullptr, 16);
        while (buffer_.size() < lineEnd + 2 + size + 2) {
            if (!fill(deadline)) throw std::runtime_error("truncated chunk");
        }
        if (buffer_.compare(lineEnd + 2 + size, 2, "\r\n") != 0) {
            throw std::runtime_error("a chunk without its CRLF");
        }
        body.append(buffer_, lineEnd + 2, size);
        buffer_.erase(0, lineEnd + 2 + size + 2);
        if (size == 0) return body;
    }
}

std::string HttpConnection::readUntilClosed(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (fill(deadline)) {
    }
    return std::exchange(buffer_, std::string());
}

bool HttpConnection::closedByServer(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    pollfd pfd{fd_, POLLIN, 0};
    char chunk[4096];
    while (std::chrono::steady_clock::now() < deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (::poll(&pfd, 1, static_cast<int>(std::max<long long>(1, left.count()))) <= 0) continue;
        if (::recv(fd_, chunk, sizeof chunk, 0) <= 0) return true;
    }
    return false;
}

HttpResponse httpRequest(std::uint16_t port, const std::string& method, const std::string& path,
                         const std::string& body) {
    HttpConnection connection(port);
    return connection.request(method, path, body);
}

}  // namespace users::testing
