#include "manage/check_health.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <array>

namespace users::manage {
namespace {

// Closes the socket on every path out.
class Socket {
public:
    Socket() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {}
    ~Socket() {
        if (fd_ >= 0) ::close(fd_);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return fd_; }

private:
    int fd_;
};

}  // namespace

bool healthy(std::uint16_t port, const std::string& path, std::chrono::milliseconds timeout) {
    Socket socket;
    if (socket.fd() < 0) return false;
    // On Linux the send timeout also bounds connect().
    timeval limit{static_cast<time_t>(timeout.count() / 1000),
                  static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
    ::setsockopt(socket.fd(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    ::setsockopt(socket.fd(), SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(socket.fd(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        return false;
    }
    const std::string request =
        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (::send(socket.fd(), request.data(), request.size(), MSG_NOSIGNAL) !=
        static_cast<ssize_t>(request.size())) {
        return false;
    }
    // The status line is all we need: "HTTP/1.1 200 ".
    std::string answer;
    std::array<char, 256> buffer{};
    while (answer.size() < 13) {
        const ssize_t got = ::recv(socket.fd(), buffer.data(), buffer.size(), 0);
        if (got <= 0) return false;
        answer.append(buffer.data(), static_cast<std::size_t>(got));
    }
    return answer.compare(0, 9, "HTTP/1.1 ") == 0 && answer.compare(9, 4, "200 ") == 0;
}

}  // namespace users::manage
