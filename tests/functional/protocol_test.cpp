#include "tests/support/test_server.hpp"
#include "tests/support/users.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;

class Protocol : public ServerTest {
protected:
    void expectJsonError(const HttpResponse& response, int status) {
        EXPECT_EQ(response.status, status);
        EXPECT_EQ(response.header("content-type"), "application/json");
        const auto json = response.json();
        ASSERT_TRUE(json.IsObject() && json.HasMember("message")) << response.body;
    }
};

TEST_F(Protocol, KeepsHttp11ConnectionsOpen) {
    HttpConnection connection(port());
    for (int i = 0; i < 3; ++i) {
        const HttpResponse response = connection.request("GET", "/ping");
        EXPECT_EQ(response.status, 200);
        EXPECT_EQ(response.header("connection"), "");
    }
    EXPECT_FALSE(connection.closedByServer(200ms));
}

TEST_F(Protocol, ClosesWhenTheClientAsks) {
    HttpConnection connection(port());
    const HttpResponse response = connection.request("GET", "/ping", "", "Connection: close\r\n");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.header("connection"), "Close");
    EXPECT_TRUE(connection.closedByServer());
}

TEST_F(Protocol, ClosesHttp10ConnectionsByDefault) {
    HttpConnection connection(port());
    connection.sendRaw("GET /ping HTTP/1.0\r\n\r\n");
    EXPECT_EQ(connection.readResponse().status, 200);
    EXPECT_TRUE(connection.closedByServer());
}

TEST_F(Protocol, OversizedBodyIsAQuickJson413AndTheConnectionCloses) {
    HttpConnection connection(port());
    const std::string body(200 * 1024, 'x');
    const auto started = std::chrono::steady_clock::now();
    connection.sendRaw(
        "POST /users HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n");
    try {
        connection.sendRaw(body);
    } catch (const std::runtime_error&) {
        // The server may stop reading once it has answered: the answer is what matters.
    }
    expectJsonError(connection.readResponse(), 413);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
    EXPECT_TRUE(connection.closedByServer());
    EXPECT_EQ(countUsers(), 0);
}

TEST_F(Protocol, MalformedRequestsGetAJsonErrorWithoutExceptionText) {
    const std::vector<std::pair<std::string, int>> cases = {
        {"NONSENSE\r\n\r\n", 400},
        {"GET /ping HTTP/9.9\r\n\r\n", 505},
        {"POST /users HTTP/1.1\r\nContent-Length: -5\r\n\r\n", 400},
        {"POST /users HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 413},
        {"GET /ping\r\n\r\n", 400}};
    for (const auto& [raw, status] : cases) {
        SCOPED_TRACE(raw);
        HttpConnection connection(port());
        connection.sendRaw(raw);
        const HttpResponse response = connection.readResponse(2s);
        EXPECT_EQ(response.status, status);
        EXPECT_EQ(response.header("content-type"), "application/json");
        EXPECT_EQ(response.body.find("stol"), std::string::npos) << response.body;
        EXPECT_TRUE(connection.closedByServer());
    }
    EXPECT_EQ(call("GET", "/ping").status, 200);
}

TEST_F(Protocol, ServesManyClientsAtOnce) {
    std::vector<std::unique_ptr<HttpConnection>> connections;
    for (int i = 0; i < 50; ++i) connections.push_back(std::make_unique<HttpConnection>(port()));
    for (auto& connection : connections) connection->sendRaw("GET /ping HTTP/1.1\r\n\r\n");
    for (auto& connection : connections) EXPECT_EQ(connection->readResponse().status, 200);
}

// An answer the socket cannot take at once is finished by Pistache's write queue; the answers
// to the pipelined requests behind it must wait for it, not overtake it on the socket while the
// client reads and makes room.
TEST_F(Protocol, PipelinedAnswersKeepTheirOrderBehindOneTheSocketCouldNotTakeAtOnce) {
    // The buffered ?after=0 list, about 6 MB: more than a loopback socket buffer (4 MB at most).
    addNumberedUsers(1, 60000);
    constexpr int kPings = 200;
    std::string requests = "GET /users?after=0 HTTP/1.1\r\nHost: x\r\n\r\n";
    for (int i = 0; i < kPings; ++i) requests += "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n";
    HttpConnection connection(port(), 16384);
    connection.sendRaw(requests);
    EXPECT_EQ(connection.readResponse().json().GetArray().Size(), 60000U);
    for (int i = 0; i < kPings; ++i) {
        const HttpResponse ping = connection.readResponse();
        ASSERT_NE(ping.body.find("pong"), std::string::npos) << "answer " << i << ": " << ping.body;
    }
}

}  // namespace
}  // namespace users::testing
