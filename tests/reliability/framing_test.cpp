// Request framing on the real server beyond the rule classes (framing_smuggling_test.cpp):
// pipelining, half-closed clients, and what an oversized declared length costs.
#include <thread>

#include <gtest/gtest.h>

#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Declares more than the 64 KiB limit and sends only the first 2 bytes of it.
const std::string kOversizedPost =
    "POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    "Content-Length: 70000\r\n\r\n{}";

class Framing : public ::testing::Test {
protected:
    void SetUp() override {
        recreateTestDatabase();
        server_ = std::make_unique<ServerProcess>(serverEnvironment());
        port_ = server_->waitUntilListening();
    }

    void expectOthersServed() const {
        EXPECT_EQ(httpRequest(port_, "GET", "/ping").status, 200);
        EXPECT_EQ(httpRequest(port_, "GET", "/users").status, 200);
    }

    std::unique_ptr<ServerProcess> server_;
    std::uint16_t port_ = 0;
};

TEST_F(Framing, PipelinedRequestsAreAllAnsweredInOrder) {
    HttpConnection connection(port_);
    const std::string user = R"({"username":"ann","email":"ann@x.io"})";
    connection.sendRaw(
        "POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: " +
        std::to_string(user.size()) + "\r\n\r\n" + user +
        "GET /users/1 HTTP/1.1\r\nHost: x\r\n\r\n"
        "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
    const HttpResponse created = connection.readResponse(2s);
    EXPECT_EQ(created.status, 201) << created.body;
    const HttpResponse read = connection.readResponse(2s);
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_STREQ(read.json()["username"].GetString(), "ann");
    EXPECT_EQ(connection.readResponse(2s).status, 200);
    EXPECT_EQ(connection.request("GET", "/ping").status, 200);
    expectOthersServed();
}

TEST_F(Framing, HalfClosedClientsDoNotHurtOthers) {
    for (int i = 0; i < 20; ++i) {
        HttpConnection connection(port_);
        connection.sendRaw(
            "POST /users HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 39\r\n\r\n"
            R"({"username":"half","email":"half@x.io"})");
        connection.shutdownWrite();
        connection.closedByServer(200ms);
    }
    expectOthersServed();
    // The request itself may or may not have run; at most once.
    EXPECT_LE(countUsers(), 1);
}

TEST_F(Framing, DeclaredLengthAboveTheLimitIsAJson413WithoutWaitingForTheBody) {
    HttpConnection connection(port_);
    const auto started = Clock::now();
    connection.sendRaw(kOversizedPost);
    const HttpResponse answer = connection.readResponse(2s);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    EXPECT_EQ(answer.status, 413);
    EXPECT_EQ(answer.header("content-type"), "application/json");
    EXPECT_TRUE(answer.json().HasMember("message")) << answer.body;
    EXPECT_LT(took, 100ms) << took.count() << " ms";
    EXPECT_TRUE(connection.closedByServer(1s));
}

// Nothing is reserved for a declared length: neither above the limit (refused) nor just under it
// (a body that never comes).
TEST_F(Framing, HundredsOfPendingLargeDeclarationsDoNotGrowTheServer) {
    const std::string pendingPost =
        "POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 65000\r\n\r\n{}";
    // glibc gives a worker thread its own malloc arena (64 MiB of address space) on its first
    // request: serve every worker once before the baseline. Pistache picks the worker from the
    // socket's number, so the warm-up connections are held open together.
    {
        std::vector<std::unique_ptr<HttpConnection>> warmUp;
        for (int i = 0; i < 64; ++i) {
            warmUp.push_back(std::make_unique<HttpConnection>(port_));
            ASSERT_EQ(warmUp.back()->request("GET", "/ping").status, 200);
        }
    }
    const long long before = server_->virtualMemoryKb();
    ASSERT_GT(before, 0);
    std::vector<std::unique_ptr<HttpConnection>> held;
    for (const auto* request : {&kOversizedPost, &pendingPost}) {
        for (int i = 0; i < 100; ++i) {
            held.push_back(std::make_unique<HttpConnection>(port_));
            held.back()->sendRaw(*request);
        }
    }
    std::this_thread::sleep_for(300ms);  // every head read and framed
    const long long grownKb = server_->virtualMemoryKb() - before;
    EXPECT_LT(grownKb, 100 * 1024) << grownKb << " kB more";
    EXPECT_EQ(held.front()->readResponse(1s).status, 413);
    expectOthersServed();
    EXPECT_EQ(countUsers(), 0);
}

}  // namespace
}  // namespace users::testing
