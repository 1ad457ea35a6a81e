#include "project/http/listening_socket.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace users::http {
namespace {

bool isListeningOn(int fd, std::uint16_t port) {
    int listening = 0;
    socklen_t size = sizeof listening;
    if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || listening == 0) {
        return false;
    }
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return false;
    if (address.ss_family == AF_INET) {
        return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port) == port;
    }
    if (address.ss_family == AF_INET6) {
        return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port) == port;
    }
    return false;
}

}  // namespace

int findListeningSocket(std::uint16_t port) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
        const std::string name = entry.path().filename().string();
        const int fd = std::stoi(name);
        if (isListeningOn(fd, port)) return fd;
    }
    return -1;
}

bool stopListening(int fd) {
    if (fd < 0) return false;
    const int placeholder = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (placeholder < 0) return false;
    // dup3 closes the listening socket and reuses its number in one step.
    const bool replaced = ::dup3(placeholder, fd, O_CLOEXEC) == fd;
    ::close(placeholder);
    return replaced;
}

}  // namespace users::http
