// The request framer's decisions, one rule class of framing.hpp's table per test. Every input is
// fed whole, split in two at every byte and byte by byte: the decision must not depend on how the
// bytes arrived (a split-dependent decision is how requests get smuggled).
#include "project/http/framing.hpp"

#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace users::http {
namespace {

using State = RequestFramer::State;

constexpr std::size_t kLimit = 1024;

struct Case {
    std::string bytes;
    std::vector<std::string> decisions;  // what frameAll gives for `bytes`
};

std::string ready(const std::string& method, const std::string& target, const std::string& body) {
    return "Ready " + method + " " + target + " [" + body + "]";
}
std::string rejected(int status) { return "Rejected " + std::to_string(status); }

// Feeds the pieces as a connection would and frames after each: every decision, in order.
std::vector<std::string> frameAll(const std::vector<std::string>& pieces) {
    RequestFramer framer(kLimit);
    std::vector<std::string> decisions;
    for (const auto& piece : pieces) {
        framer.append(piece);
        for (State state = framer.next(); state != State::NeedMore; state = framer.next()) {
            if (state == State::Rejected) {
                decisions.push_back(rejected(framer.rejection().status));
                return decisions;
            }
            const auto request = framer.take();
            decisions.push_back(ready(request.method, request.target, request.body));
        }
    }
    return decisions;
}

void expectSameDecisionsHoweverSplit(const Case& c) {
    SCOPED_TRACE(::testing::PrintToString(c.bytes));
    EXPECT_EQ(frameAll({c.bytes}), c.decisions) << "in one append";
    for (std::size_t at = 1; at < c.bytes.size(); ++at) {
        const auto decisions = frameAll({c.bytes.substr(0, at), c.bytes.substr(at)});
        if (decisions != c.decisions) {
            ADD_FAILURE() << "split at " << at << ": " << ::testing::PrintToString(decisions);
            break;
        }
    }
    std::vector<std::string> bytes;
    for (const char byte : c.bytes) bytes.emplace_back(1, byte);
    EXPECT_EQ(frameAll(bytes), c.decisions) << "byte by byte";
}

void expectDecisions(const std::vector<Case>& cases) {
    for (const auto& c : cases) expectSameDecisionsHoweverSplit(c);
}

// A POST /users head with `fields` (each ending in CRLF), then `body`.
std::string post(const std::string& fields, const std::string& body = "",
                 const std::string& version = "HTTP/1.1") {
    return "POST /users " + version + "\r\nHost: x\r\n" + fields + "\r\n" + body;
}

const std::vector<std::string> kRejected400 = {rejected(400)};

TEST(Framing, ContentLengthIsOneFieldOfDigitsOnly) {
    const std::vector<std::string> ab = {ready("POST", "/users", "ab")};
    expectDecisions({
        {post("Content-Length: 2\r\n", "ab"), ab},
        {post("Content-Length: 002\r\n", "ab"), ab},
        {post("Content-Length: 0000000000000002\r\n", "ab"), ab},
        {post("Content-Length: 0\r\n"), {ready("POST", "/users", "")}},
        {post("Content-Length: 2\r\nContent-Length: 3\r\n", "abc"), kRejected400},
        {post("Content-Length: 2\r\nContent-Length: 2\r\n", "ab"), kRejected400},
        {post("Content-Length: 60, 216\r\n", "ab"), kRejected400},
        {post("Content-Length: +2\r\n", "ab"), kRejected400},
        {post("Content-Length: -0\r\n", "ab"), kRejected400},
        {post("Content-Length: 0x2\r\n", "ab"), kRejected400},
        {post("Content-Length: 1-1\r\n", "ab"), kRejected400},
        {post("Content-Length: 2;\r\n", "ab"), kRejected400},
        {post("Content-Length:\r\n", "ab"), kRejected400},
        {post("Content-Length:\t2  \r\n", "ab"), ab},
        {post("Content-Length: 2\t\r\n", "ab"), kRejected400},
        {post("Content-Length: 2 \t \r\n", "ab"), kRejected400},
    });
}

TEST(Framing, RejectsTwoContentLengthsEvenWhenEqual) {
    expectDecisions({{post("Content-Length: 2\r\ncontent-length: 2\r\n", "ab"), kRejected400}});
}

TEST(Framing, TransferEncodingIsOnlyChunkedOnceInHttp11WithoutContentLength) {
    const std::string chunked = "2\r\nab\r\n0\r\n\r\n";
    expectDecisions({
        {post("Transfer-Encoding: chunked\r\n", chunked), {ready("POST", "/users", "ab")}},
        {post("Transfer-Encoding: Chunked\r\n", chunked), {ready("POST", "/users", "ab")}},
        {post("Transfer-Encoding : chunked\r\n", chunked), kRejected400},
        {post("Transfer-Encoding\t: chunked\r\n", chunked), kRejected400},
        {post("Transfer-Encoding: chunked\r\nContent-Length: 12\r\n", chunked), kRejected400},
        {post("Content-Length: 12\r\nTransfer-Encoding: chunked\r\n", chunked), kRejected400},
        {post("Transfer-Encoding: gzip\r\n", chunked), kRejected400},
        {post("Transfer-Encoding: chunked, gzip\r\n", chunked), kRejected400},
        {post("Transfer-Encoding: gzip, chunked\r\n", chunked), {rejected(501)}},
        {post("Transfer-Encoding: chunked, chunked\r\n", chunked), kRejected400},
        {post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", chunked),
         kRejected400},
        {post("Transfer-Encoding: chunked\r\n", chunked, "HTTP/1.0"), kRejected400},
    });
}

TEST(Framing, ChunkSizeIsOneToEightHexDigitsThenExtensionsOrCrlf) {
    const auto chunked = [](const std::string& chunks) {
        return post("Transfer-Encoding: chunked\r\n", chunks);
    };
    expectDecisions({
        {chunked("2;a=b\r\nab\r\n0\r\n\r\n"), {ready("POST", "/users", "ab")}},
        {chunked("A\r\n0123456789\r\n0;last\r\nX-Trailer: t\r\n\r\n"),
         {ready("POST", "/users", "0123456789")}},
        {chunked("00000002\r\nab\r\n0\r\n\r\n"), {ready("POST", "/users", "ab")}},
        {chunked("0x0\r\n\r\n"), kRejected400},
        {chunked("+0\r\n\r\n"), kRejected400},
        {chunked("2 \r\nab\r\n0\r\n\r\n"), kRejected400},
        {chunked("000000002\r\nab\r\n0\r\n\r\n"), kRejected400},
        {chunked("2\r\nabX\r\n0\r\n\r\n"), kRejected400},
        {chunked("2\nab\r\n0\r\n\r\n"), kRejected400},
        {chunked("2\r\nab\r\n0\r\n folded: t\r\n\r\n"), kRejected400},
    });
}

TEST(Framing, EveryHeadLineEndsInCrlfWithoutControlCharacters) {
    expectDecisions({
        {post("X-Note: a\tb\r\n"), {ready("POST", "/users", "")}},
        {post("X-Note: a\r\n folded\r\n"), kRejected400},
        {post("X-Note: a\r\n\tfolded\r\n"), kRejected400},
        {post("X-Note: a\rb\r\n"), kRejected400},
        {"GET / HTTP/1.1\nHost: x\r\n\r\n", kRejected400},
        {post("X-Note: a\n"), kRejected400},
        {post(std::string("X-Note: a\0b\r\n", 13)), kRejected400},
        {post("X-Note: a\x01z\r\n"), kRejected400},
        {post("X-Note: a\x7fz\r\n"), kRejected400},
        {post("X-Note a\r\n"), kRejected400},
        {post(": a\r\n"), kRejected400},
    });
}

TEST(Framing, RequestLineIsMethodTargetAndHttp1Version) {
    expectDecisions({
        {"GET /ping HTTP/1.0\r\n\r\n", {ready("GET", "/ping", "")}},
        {"HELLO\r\n\r\n", kRejected400},
        {"GET /ping\r\n\r\n", kRejected400},
        {"GET  /ping HTTP/1.1\r\n\r\n", kRejected400},
        {"GET /ping HTTP/1.1 \r\n\r\n", kRejected400},
        {"GET /ping http/1.1\r\n\r\n", kRejected400},
        {"GET /ping HTTP/1.x\r\n\r\n", kRejected400},
        {"GET /ping HTTP/2.0\r\n\r\n", {rejected(505)}},
        {"G(T /ping HTTP/1.1\r\n\r\n", kRejected400},
    });
}

TEST(Framing, RejectsADuplicateHost) {
    expectDecisions({{"GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", kRejected400}});
}

TEST(Framing, RejectsOversizedRequestsWith413BeforeTheirBody) {
    expectDecisions({
        {post("Content-Length: 2000\r\n"), {rejected(413)}},
        {post("Content-Length: 99999999999999999999\r\n"), {rejected(413)}},
        {post("X-Big: " + std::string(kLimit, 'a') + "\r\n"), {rejected(413)}},
        {post("Transfer-Encoding: chunked\r\n", "ffff\r\n"), {rejected(413)}},
        {post("Transfer-Encoding: chunked\r\n",
              "0\r\nX-Big: " + std::string(kLimit, 'a') + "\r\n\r\n"),
         {rejected(413)}},
    });
}

// Each byte is looked at once: rescanning a line from its start on every arrival would make a
// client dribbling one long line cost the square of its length.
TEST(Framing, LongLinesArrivingByteByByteCostLinearTime) {
    constexpr std::size_t kServerLimit = std::size_t{64} * 1024;
    const std::string line = "X-Long: " + std::string(kServerLimit - 200, 'a') + "\r\n";
    for (const auto& request :
         {post("Transfer-Encoding: chunked\r\n", "0\r\n" + line + "\r\n"), post(line)}) {
        RequestFramer framer(kServerLimit);
        const auto started = std::chrono::steady_clock::now();
        auto state = State::NeedMore;
        for (const char byte : request) {
            framer.append(std::string_view(&byte, 1));
            state = framer.next();
        }
        EXPECT_EQ(state, State::Ready);
        EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(500));
    }
}

TEST(Framing, FramesPipelinedRequestsInOrderSkippingEmptyLinesBefore) {
    expectDecisions({
        {"\r\n\r\nGET /ping HTTP/1.1\r\n\r\n", {ready("GET", "/ping", "")}},
        {post("Content-Length: 2\r\n", "ab") + "\r\nGET /ping HTTP/1.1\r\n\r\n",
         {ready("POST", "/users", "ab"), ready("GET", "/ping", "")}},
        {post("Transfer-Encoding: chunked\r\n", "1\r\na\r\n0\r\n\r\n") +
             post("Content-Length: 1\r\n", "b"),
         {ready("POST", "/users", "a"), ready("POST", "/users", "b")}},
        {"GET /ping HTTP/1.1\r\n\r\n" + post("Content-Length: +1\r\n", "b"),
         {ready("GET", "/ping", ""), rejected(400)}},
    });
}

TEST(Framing, StaysRejectedAndIgnoresLaterBytes) {
    RequestFramer framer(kLimit);
    framer.append(post("Content-Length: 2\r\nContent-Length: 2\r\n", "ab"));
    ASSERT_EQ(framer.next(), State::Rejected);
    framer.append("GET /ping HTTP/1.1\r\n\r\n");
    EXPECT_EQ(framer.next(), State::Rejected);
    EXPECT_EQ(framer.rejection().status, 400);
}

TEST(Framing, AwaitsContinueOnlyUntilTheBodyArrives) {
    RequestFramer framer(kLimit);
    framer.append(post("Expect: 100-continue\r\nContent-Length: 2\r\n"));
    EXPECT_EQ(framer.next(), State::NeedMore);
    EXPECT_TRUE(framer.awaitsContinue());
    framer.append("ab");
    EXPECT_EQ(framer.next(), State::Ready);
    EXPECT_FALSE(framer.awaitsContinue());
    EXPECT_EQ(framer.take().body, "ab");
    EXPECT_FALSE(framer.awaitsContinue());
}

TEST(Framing, NeverAwaitsContinueForAnHttp10Client) {
    RequestFramer framer(kLimit);
    framer.append(post("Expect: 100-continue\r\nContent-Length: 2\r\n", "", "HTTP/1.0"));
    EXPECT_EQ(framer.next(), State::NeedMore);
    EXPECT_FALSE(framer.awaitsContinue());
}

TEST(Framing, DoesNotAwaitContinueAfterARejection) {
    RequestFramer framer(kLimit);
    framer.append(post("Expect: 100-continue\r\nContent-Length: 2000\r\n"));
    EXPECT_EQ(framer.next(), State::Rejected);
    EXPECT_FALSE(framer.awaitsContinue());
}

}  // namespace
}  // namespace users::http
