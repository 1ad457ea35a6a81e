#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "project/http/listening_socket.hpp"

namespace users::http {
namespace {

sockaddr_in loopback(std::uint16_t port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

bool connects(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in address = loopback(port);
    const bool connected =
        ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

TEST(ListeningSocket, IsFoundByPortAndStopsListeningKeepingItsNumber) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(0);
    ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(fd, 8), 0);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    const std::uint16_t port = ntohs(address.sin_port);

    const int connected = ::socket(AF_INET, SOCK_STREAM, 0);  // not listening: never found
    EXPECT_EQ(findListeningSocket(port), fd);
    EXPECT_EQ(findListeningSocket(static_cast<std::uint16_t>(port + 1)), -1);
    EXPECT_TRUE(connects(port));

    ASSERT_TRUE(stopListening(fd));
    EXPECT_FALSE(connects(port));
    EXPECT_EQ(findListeningSocket(port), -1);
    EXPECT_NE(::fcntl(fd, F_GETFD), -1) << "the number must stay taken";
    EXPECT_EQ(::close(fd), 0);
    ::close(connected);
    EXPECT_FALSE(stopListening(-1));
}

}  // namespace
}  // namespace users::http
