// Every framing rule class of project/http/framing.hpp against the real server, on a keep-alive
// connection: a malformed request followed by a smuggled POST /users, sent in one write and in
// two (the smuggled request in the second). Whatever another parser would make of the bytes,
// this server answers once with a JSON error, closes, and never runs the smuggled request.
#include <thread>
#include <tuple>

#include <gtest/gtest.h>

#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;
using namespace std::string_literals;

std::string postUser(const std::string& body) {
    return "POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           "Content-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

const std::string kSmuggled = postUser(R"({"username":"evil","email":"evil@x.io"})");

struct Malformed {
    const char* name;
    std::string bytes;
    int status;
};

// A POST /users head with `fields` (each ending in CRLF).
std::string head(const std::string& fields, const std::string& version = "HTTP/1.1") {
    return "POST /users " + version + "\r\nHost: x\r\nContent-Type: application/json\r\n" + fields +
           "\r\n";
}

std::string chunked(const std::string& chunks) {
    return head("Transfer-Encoding: chunked\r\n") + chunks;
}

std::vector<Malformed> malformedRequests() {
    // Where a lenient parser honours another length than this server, kSmuggled is a body to one
    // and a request to the other.
    const std::string smuggledLength = "Content-Length: " + std::to_string(kSmuggled.size());
    return {
        {"TwoContentLengths", head("Content-Length: 0\r\n" + smuggledLength + "\r\n"), 400},
        {"TwoEqualContentLengths", head("Content-Length: 2\r\nContent-Length: 2\r\n") + "{}", 400},
        {"ContentLengthList", head("Content-Length: 60, 216\r\n"), 400},
        {"ContentLengthWithPlus", head("Content-Length: +2\r\n") + "{}", 400},
        {"ContentLengthMinusZero", head("Content-Length: -0\r\n"), 400},
        {"ContentLengthInHex", head("Content-Length: 0x2\r\n") + "{}", 400},
        {"ContentLengthRange", head("Content-Length: 1-1\r\n") + "{", 400},
        {"ContentLengthWithSemicolon", head("Content-Length: 2;\r\n") + "{}", 400},
        {"EmptyContentLength", head("Content-Length:\r\n"), 400},
        {"SpaceBeforeColon", head("Transfer-Encoding : chunked\r\n") + "0\r\n\r\n", 400},
        {"TabBeforeColon", head("Transfer-Encoding\t: chunked\r\n") + "0\r\n\r\n", 400},
        {"TransferEncodingWithContentLength",
         head("Transfer-Encoding: chunked\r\nContent-Length: " +
              std::to_string(5 + kSmuggled.size()) + "\r\n") +
             "0\r\n\r\n",
         400},
        {"TransferEncodingGzip", head("Transfer-Encoding: gzip\r\n") + "0\r\n\r\n", 400},
        {"ChunkedThenGzip", head("Transfer-Encoding: chunked, gzip\r\n") + "0\r\n\r\n", 400},
        {"GzipThenChunked", head("Transfer-Encoding: gzip, chunked\r\n") + "0\r\n\r\n", 501},
        {"ChunkedTwice", head("Transfer-Encoding: chunked, chunked\r\n") + "0\r\n\r\n", 400},
        {"TwoTransferEncodingLines",
         head("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n") + "0\r\n\r\n", 400},
        {"TransferEncodingInHttp10",
         head("Transfer-Encoding: chunked\r\n", "HTTP/1.0") + "0\r\n\r\n", 400},
        {"ChunkSizeInHex0x", chunked("0x0\r\n\r\n"), 400},
        {"ChunkSizeWithPlus", chunked("+0\r\n\r\n"), 400},
        {"ChunkSizeWithTrailingSpace", chunked("2 \r\n{}\r\n0\r\n\r\n"), 400},
        {"ChunkSizeOfNineDigits", chunked("000000002\r\n{}\r\n0\r\n\r\n"), 400},
        {"ChunkDataWithoutCrlf", chunked("2\r\n{}XX0\r\n\r\n"), 400},
        {"ObsFold", "GET /ping HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", 400},
        {"BareCr", "GET /ping HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n", 400},
        {"BareLf", "GET /ping HTTP/1.1\nHost: x\n\n", 400},
        {"NulInHead", "GET /ping HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n"s, 400},
        {"EscapeInHead", "GET /ping HTTP/1.1\r\nHost: x\r\nX-A: a\x1b\r\n\r\n", 400},
        {"HeaderWithoutColon", "GET /ping HTTP/1.1\r\nHost: x\r\nno colon\r\n\r\n", 400},
        {"JunkRequestLine", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"s, 400},
        {"RequestLineWithoutVersion", "GET /ping\r\nHost: x\r\n\r\n", 400},
        {"Http20", "GET /ping HTTP/2.0\r\nHost: x\r\n\r\n", 505},
        {"LowercaseVersion", "GET /ping http/1.1\r\nHost: x\r\n\r\n", 400},
        {"DuplicateHost", "GET /ping HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400},
        {"DeclaredLengthAboveLimit", head("Content-Length: 70000\r\n") + "{}", 413},
        {"HeadAboveLimit", "GET /ping HTTP/1.1\r\nX-A: " + std::string(70000, 'a') + "\r\n\r\n",
         413},
    };
}

// One server for the suite.
class FramingSmuggling : public ::testing::TestWithParam<std::tuple<Malformed, bool>> {
protected:
    static void SetUpTestSuite() {
        recreateTestDatabase();
        server_ = new ServerProcess(serverEnvironment());
        port_ = server_->waitUntilListening();
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }

    static ServerProcess* server_;
    static std::uint16_t port_;
};

ServerProcess* FramingSmuggling::server_ = nullptr;
std::uint16_t FramingSmuggling::port_ = 0;

// Else an unchanged row count would prove nothing.
TEST_F(FramingSmuggling, TheSmuggledRequestAloneCreatesAUser) {
    const long long before = countUsers();
    HttpConnection connection(port_);
    connection.sendRaw(kSmuggled);
    EXPECT_EQ(connection.readResponse(2s).status, 201);
    EXPECT_EQ(countUsers(), before + 1);
}

TEST_P(FramingSmuggling, AnswersOnceWithAJsonErrorClosesAndRunsNothingSmuggled) {
    const auto& [malformed, twoWrites] = GetParam();
    const long long before = countUsers();
    HttpConnection connection(port_);
    try {
        if (twoWrites) {
            connection.sendRaw(malformed.bytes);
            std::this_thread::sleep_for(50ms);  // a segment of its own
            connection.sendRaw(kSmuggled);
        } else {
            connection.sendRaw(malformed.bytes + kSmuggled);
        }
    } catch (const std::runtime_error&) {
        // Refused and closed before the client was done sending: the answer is still due.
    }
    const HttpResponse answer = connection.readResponse(2s);
    EXPECT_EQ(answer.status, malformed.status);
    EXPECT_EQ(answer.header("content-type"), "application/json");
    const auto body = answer.json();
    EXPECT_TRUE(body.IsObject() && body.HasMember("message")) << answer.body;
    EXPECT_THROW(connection.readResponse(1s), std::runtime_error) << "a second answer";
    EXPECT_TRUE(connection.closedByServer(100ms));
    EXPECT_EQ(countUsers(), before);
}

INSTANTIATE_TEST_SUITE_P(Requests, FramingSmuggling,
                         ::testing::Combine(::testing::ValuesIn(malformedRequests()),
                                            ::testing::Bool()),
                         [](const auto& info) {
                             return std::string(std::get<0>(info.param).name) +
                                    (std::get<1>(info.param) ? "InTwoWrites" : "InOneWrite");
                         });

}  // namespace
}  // namespace users::testing
