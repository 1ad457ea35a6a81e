#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <optional>
#include <thread>

#include <gtest/gtest.h>

#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;
using namespace std::string_literals;
using Clock = std::chrono::steady_clock;

struct Abuse {
    const char* name;
    std::string raw;
};

std::string post(const std::string& body) {
    return "POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::vector<Abuse> corpus() {
    return {
        {"MalformedJson", post(R"({"username": "ann", "email": )")},
        {"NestedArrays60k", post(std::string(60000, '['))},
        {"NestedArrays100k", post(std::string(100000, '['))},
        {"InvalidUtf8", post("{\"username\":\"\xc3\x28\xff\",\"email\":\"a@b.io\"}")},
        {"NulEscape", post(R"({"username":"a\u0000b","email":"a@b.io"})")},
        {"LoneSurrogate", post(R"({"username":"\udc00","email":"a@b.io"})")},
        {"HugeNumber", post(R"({"username":"ann","email":"ann@x.io","id":1e999999})")},
        {"HugeInteger",
         post(R"({"username":"ann","email":"ann@x.io","id":)" + std::string(5000, '9') + "}")},
        {"NegativeContentLength", "POST /users HTTP/1.1\r\nContent-Length: -5\r\n\r\n{}"},
        {"HugeContentLength",
         "POST /users HTTP/1.1\r\nContent-Length: 18446744073709551617\r\n\r\n{}"},
        {"ShortContentLength",
         "POST /users HTTP/1.1\r\nContent-Length: 5\r\n\r\n"
         R"({"username":"ann","email":"ann@x.io"})"},
        {"JunkRequestLine", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"},
        {"RequestLineWithoutVersion", "GET /ping\r\n\r\n"},
        {"UnknownVersion", "GET /ping HTTP/7.1\r\n\r\n"},
        {"HeaderWithoutColon", "GET /ping HTTP/1.1\r\nno colon here\r\n\r\n"},
        {"HugeHeader", "GET /ping HTTP/1.1\r\nX-A: " + std::string(70000, 'a') + "\r\n\r\n"},
        {"NulInPath", "GET /users/1\0/x HTTP/1.1\r\n\r\n"s},
    };
}

// One server for the suite; the database starts empty and must stay so.
class AbuseCorpus : public ::testing::TestWithParam<Abuse> {
protected:
    static void SetUpTestSuite() {
        rlimit files{};
        getrlimit(RLIMIT_NOFILE, &files);
        files.rlim_cur = std::min<rlim_t>(files.rlim_max, 8192);
        setrlimit(RLIMIT_NOFILE, &files);  // the server inherits it: 1,000 idle clients
        recreateTestDatabase();
        server_ = new ServerProcess(serverEnvironment());
        port_ = server_->waitUntilListening();
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }

    static void expectHealthyAndUnchanged() {
        const auto started = Clock::now();
        EXPECT_EQ(httpRequest(port_, "GET", "/ping").status, 200);
        EXPECT_EQ(httpRequest(port_, "GET", "/users").status, 200);
        const auto took =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
        EXPECT_LT(took, 1s) << took.count() << " ms for two requests";
        EXPECT_EQ(countUsers(), 0);
    }

    static ServerProcess* server_;
    static std::uint16_t port_;
};

ServerProcess* AbuseCorpus::server_ = nullptr;
std::uint16_t AbuseCorpus::port_ = 0;

TEST_P(AbuseCorpus, GetsAJsonErrorOrAClosedConnection) {
    HttpConnection connection(port_);
    try {
        connection.sendRaw(GetParam().raw);
    } catch (const std::runtime_error&) {
        // The server may close before reading everything: that is one of the allowed outcomes.
    }
    try {
        const HttpResponse response = connection.readResponse(2s);
        EXPECT_GE(response.status, 400);
        EXPECT_TRUE(response.status < 500 || response.status == 505) << response.status;
        EXPECT_EQ(response.header("content-type"), "application/json");
        EXPECT_TRUE(response.json().IsObject());
    } catch (const std::runtime_error&) {
        EXPECT_TRUE(connection.closedByServer(100ms)) << "neither an answer nor a close";
    }
    expectHealthyAndUnchanged();
}

INSTANTIATE_TEST_SUITE_P(Requests, AbuseCorpus, ::testing::ValuesIn(corpus()),
                         [](const auto& info) { return std::string(info.param.name); });

TEST_F(AbuseCorpus, TenMegabyteBodyIsAQuick413WithBoundedCpu) {
    const double cpuBefore = server_->cpuSeconds();
    const auto started = Clock::now();
    HttpConnection connection(port_);
    const std::string chunk(64 * 1024, 'x');
    try {
        connection.sendRaw("POST /users HTTP/1.1\r\nContent-Length: 10485760\r\n\r\n");
        for (int i = 0; i < 160; ++i) connection.sendRaw(chunk);
    } catch (const std::runtime_error&) {
        // Closed after the 413: the rest is not read.
    }
    EXPECT_EQ(connection.readResponse(2s).status, 413);
    EXPECT_LT(Clock::now() - started, 2s);
    EXPECT_LT(server_->cpuSeconds() - cpuBefore, 0.5);
    expectHealthyAndUnchanged();
}

TEST_F(AbuseCorpus, SqlMetacharactersAreStoredVerbatim) {
    const std::string username = R"(Robert'); DROP TABLE users;-- \" %_ $1)";
    const std::string email = "o'brien+%_;--@x.io";
    const HttpResponse created = httpRequest(
        port_, "POST", "/users",
        R"({"username":"Robert'); DROP TABLE users;-- \\\" %_ $1","email":")" + email + R"("})");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto user = httpRequest(port_, "GET", "/users/1").json();
    EXPECT_EQ(user["username"].GetString(), username);
    EXPECT_EQ(user["email"].GetString(), email);
    EXPECT_EQ(countUsers(), 1);
    EXPECT_EQ(httpRequest(port_, "DELETE", "/users/1").status, 200);
    expectHealthyAndUnchanged();
}

TEST_F(AbuseCorpus, SlowClientTimesOutWithoutHoldingAWorker) {
    HttpConnection slow(port_);
    const std::string request = "GET /ping HTTP/1.1\r\nX-Slow: " + std::string(200, 'a');
    const auto started = Clock::now();
    bool cutOff = false;
    for (std::size_t i = 0; i < request.size() && Clock::now() - started < 9s; ++i) {
        try {
            slow.sendRaw(request.substr(i, 1));
        } catch (const std::runtime_error&) {
            cutOff = true;
            break;
        }
        if (slow.closedByServer(40ms)) {
            cutOff = true;
            break;
        }
        if (i % 25 == 0) expectHealthyAndUnchanged();
    }
    EXPECT_TRUE(cutOff) << "a client dribbling headers was never timed out";
    expectHealthyAndUnchanged();
}

// Stops the server process for a scope: nothing is accepted, only the kernel answers connects.
class Paused {
public:
    explicit Paused(const ServerProcess& server) : server_(server) { server_.signal(SIGSTOP); }
    ~Paused() { server_.signal(SIGCONT); }
    Paused(const Paused&) = delete;
    Paused& operator=(const Paused&) = delete;

private:
    const ServerProcess& server_;
};

// Non-blocking connects to the server; a handshake completes once the kernel queues it.
class ConnectBurst {
public:
    ConnectBurst(std::uint16_t port, int count) {
        const sockaddr_in address = loopbackAddress(port);
        for (int i = 0; i < count; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            if (fd < 0) throw std::runtime_error("out of sockets");
            pending_.push_back({fd, POLLOUT, 0});
            ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
        }
    }
    ~ConnectBurst() {
        for (const pollfd& socket : pending_) ::close(socket.fd);
        for (const int fd : connected_) ::close(fd);
    }
    ConnectBurst(const ConnectBurst&) = delete;
    ConnectBurst& operator=(const ConnectBurst&) = delete;

    // How many handshakes have succeeded when `timeout` has passed (or all have ended).
    std::size_t connectedWithin(std::chrono::milliseconds timeout) {
        const auto deadline = Clock::now() + timeout;
        while (!pending_.empty() && Clock::now() < deadline) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            ::poll(pending_.data(), pending_.size(), static_cast<int>(left.count()) + 1);
            const auto done =
                std::remove_if(pending_.begin(), pending_.end(), [this](const pollfd& socket) {
                    if ((socket.revents & (POLLOUT | POLLERR)) == 0) return false;
                    int error = 0;
                    socklen_t size = sizeof error;
                    ::getsockopt(socket.fd, SOL_SOCKET, SO_ERROR, &error, &size);
                    if (error == 0) {
                        connected_.push_back(socket.fd);
                    } else {
                        ::close(socket.fd);  // refused: not counted
                    }
                    return true;
                });
            pending_.erase(done, pending_.end());
        }
        return connected_.size();
    }

private:
    std::vector<pollfd> pending_;
    std::vector<int> connected_;
};

// A connect the listen backlog has no room for loses its SYN and waits 1 s for a retransmit:
// Pistache's default backlog (128) made bursts of clients stall that way.
TEST_F(AbuseCorpus, ABurstOfAThousandConnectsIsQueuedWhileTheServerIsBusy) {
    std::optional<ConnectBurst> idle;
    {
        const Paused busy(*server_);
        idle.emplace(port_, 1000);
        EXPECT_EQ(idle->connectedWithin(500ms), 1000u);
    }
    expectHealthyAndUnchanged();
    idle.reset();
    expectHealthyAndUnchanged();
}

}  // namespace
}  // namespace users::testing
