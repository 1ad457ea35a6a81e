#include <string>
#include <thread>

#include <pqxx/pqxx>

#include "project/api/users/user_list_stream.hpp"
#include "tests/support/test_server.hpp"
#include "tests/support/users.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;

// GET /users?after=0 reads every row in one statement and answers with one buffered body.
std::string bufferedList(std::uint16_t port) {
    return httpRequest(port, "GET", "/users?after=0").body;
}

class StreamedList : public ServerTest {};

// Around the chunk size and its multiples: the pieces always join into the buffered array.
TEST_F(StreamedList, ChunksJoinIntoExactlyTheBufferedArray) {
    long long inserted = 0;
    for (const long long total : {api::kChunkRows - 1, api::kChunkRows, api::kChunkRows + 1,
                                  2 * api::kChunkRows, 2 * api::kChunkRows + 500}) {
        addNumberedUsers(inserted + 1, total);
        inserted = total;
        const HttpResponse streamed = call("GET", "/users");
        EXPECT_EQ(streamed.status, 200);
        EXPECT_EQ(streamed.body, bufferedList(port())) << total << " users";
        EXPECT_EQ(streamed.json().GetArray().Size(), static_cast<unsigned>(total));
        const bool chunked = total >= api::kChunkRows;
        EXPECT_EQ(streamed.header("transfer-encoding"), chunked ? "chunked" : "") << total;
        EXPECT_EQ(streamed.header("content-length").empty(), chunked) << total;
        EXPECT_EQ(streamed.header("content-type"), "application/json");
        EXPECT_NE(streamed.header("x-request-id"), "");
    }
}

// Pipelined requests wait their turn: the ping is answered after the stream's last chunk.
TEST_F(StreamedList, APipelinedRequestIsAnsweredAfterTheStream) {
    addNumberedUsers(1, 3 * api::kChunkRows);
    HttpConnection connection(port());
    connection.sendRaw(
        "GET /users HTTP/1.1\r\nHost: x\r\n\r\nGET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
    const HttpResponse list = connection.readResponse();
    EXPECT_EQ(list.json().GetArray().Size(), 3U * api::kChunkRows);
    const HttpResponse ping = connection.readResponse();
    EXPECT_EQ(ping.status, 200);
    EXPECT_NE(ping.body.find("pong"), std::string::npos);
}

// HEAD sends the GET answer's head and no chunk at all: the next answer follows at once.
TEST_F(StreamedList, HeadSendsTheHeadAndNoBody) {
    addNumberedUsers(1, 2 * api::kChunkRows);
    HttpConnection connection(port());
    const HttpResponse head = connection.request("HEAD", "/users");
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.header("transfer-encoding"), "chunked");
    EXPECT_EQ(connection.request("GET", "/ping").status, 200);
}

// HTTP/1.0 has no chunks: the body ends when the server closes the connection.
TEST_F(StreamedList, AnHttp10ClientGetsTheBodyUntilTheConnectionCloses) {
    addNumberedUsers(1, 2 * api::kChunkRows + 7);
    HttpConnection connection(port());
    connection.sendRaw("GET /users HTTP/1.0\r\n\r\n");
    const std::string answer = connection.readUntilClosed();
    const std::size_t headEnd = answer.find("\r\n\r\n");
    ASSERT_NE(headEnd, std::string::npos);
    const std::string head = answer.substr(0, headEnd);
    EXPECT_EQ(head.rfind("HTTP/1.0 200", 0), 0U) << head;
    EXPECT_NE(head.find("Connection: Close"), std::string::npos) << head;
    EXPECT_EQ(head.find("Transfer-Encoding"), std::string::npos) << head;
    EXPECT_EQ(answer.substr(headEnd + 4), bufferedList(port()));
}

// Once the head is out a 503 can no longer be sent: a database failure between chunks ends the
// connection without the last chunk, so the client knows the body is incomplete.
class StreamedListWithAShortTimeout : public StreamedList {
protected:
    void configure(Config& config) override { config.databaseTimeout = 300ms; }
};

TEST_F(StreamedListWithAShortTimeout, AFailureBetweenChunksEndsTheConnectionWithoutTheLastChunk) {
    addNumberedUsers(1, 100 * api::kChunkRows);  // ~10 MB: more than loopback's socket buffers hold
    HttpConnection connection(port());
    connection.sendRaw("GET /users HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(300ms);  // the server's writes wait for this client to read
    pqxx::connection locker(testDatabaseUrl());
    pqxx::work lock(locker);
    lock.exec("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
    const std::string answer = connection.readUntilClosed(5s);
    EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0U);
    EXPECT_GT(answer.size(), 150'000U);  // past the first chunk (about 95 kB)
    EXPECT_NE(answer.substr(answer.size() - 5), "0\r\n\r\n");
    lock.abort();
    EXPECT_EQ(call("GET", "/ping").status, 200);
}

// Pistache has no write timeout; the kernel's TCP_USER_TIMEOUT is one. A client that reads
// nothing for longer than WRITE_TIMEOUT_MS loses its connection, and its answer is dropped
// without the last chunk; one that pauses for less gets all of it.
class StreamedListWithAShortWriteTimeout : public StreamedList {
protected:
    void configure(Config& config) override { config.writeTimeout = 1000ms; }
};

TEST_F(StreamedListWithAShortWriteTimeout, AClientThatStopsReadingIsDroppedOneThatPausesIsNot) {
    addNumberedUsers(1, 20 * api::kChunkRows);  // ~2 MB: more than the socket buffers hold
    const char* list = "GET /users HTTP/1.1\r\nHost: x\r\n\r\n";
    HttpConnection pausing(port(), 4096);
    HttpConnection stalled(port(), 4096);
    pausing.sendRaw(list);
    stalled.sendRaw(list);
    std::this_thread::sleep_for(400ms);
    EXPECT_EQ(pausing.readResponse(10s).json().GetArray().Size(), 20U * api::kChunkRows);
    std::this_thread::sleep_for(2500ms);
    const std::string cut = stalled.readUntilClosed(3s);
    EXPECT_EQ(cut.rfind("HTTP/1.1 200", 0), 0U);
    EXPECT_LT(cut.size(), 1'000'000U);
    EXPECT_NE(cut.substr(cut.size() - 5), "0\r\n\r\n");
    EXPECT_EQ(call("GET", "/ping").status, 200);
}

}  // namespace
}  // namespace users::testing
