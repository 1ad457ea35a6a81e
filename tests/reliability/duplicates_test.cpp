#include <algorithm>
#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/users.hpp"

namespace users::testing {
namespace {

constexpr int kClients = 50;

// One POST per email, each from its own thread on a connection opened beforehand, all released
// at once; client i talks to ports[i % ports.size()]. Returns the statuses.
std::vector<int> postAtOnce(const std::vector<std::uint16_t>& ports,
                            const std::vector<std::string>& emails) {
    std::vector<std::unique_ptr<HttpConnection>> connections;
    for (std::size_t i = 0; i < emails.size(); ++i) {
        connections.push_back(std::make_unique<HttpConnection>(ports[i % ports.size()]));
    }
    std::vector<int> statuses(emails.size(), 0);
    std::atomic<bool> go{false};
    std::vector<std::thread> clients;
    for (std::size_t i = 0; i < emails.size(); ++i) {
        clients.emplace_back([&, i] {
            while (!go) std::this_thread::yield();
            const std::string body = userJson("dup" + std::to_string(i), emails[i]);
            try {
                statuses[i] = connections[i]->request("POST", "/users", body).status;
            } catch (const std::runtime_error&) {
                statuses[i] = -1;  // no answer: the server failed
            }
        });
    }
    go = true;
    for (auto& client : clients) client.join();
    return statuses;
}

void expectExactlyOneCreated(const std::vector<int>& statuses) {
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 400), kClients - 1);
    EXPECT_EQ(countUsers(), 1);
}

class Duplicates : public ::testing::Test {
protected:
    void SetUp() override { recreateTestDatabase(); }
};

TEST_F(Duplicates, FiftySimultaneousPostsOfOneEmailCreateOneUser) {
    ServerProcess server(serverEnvironment());
    expectExactlyOneCreated(
        postAtOnce({server.waitUntilListening()}, std::vector<std::string>(kClients, "same@x.io")));
}

TEST_F(Duplicates, CaseVariantsOfOneEmailCreateOneUser) {
    ServerProcess server(serverEnvironment());
    std::vector<std::string> emails;
    for (int i = 0; i < kClients; ++i) {
        std::string email = "same.person@example.io";
        for (std::size_t c = 0; c < email.size(); ++c) {
            if ((i >> (c % 6)) & 1) email[c] = static_cast<char>(std::toupper(email[c]));
        }
        emails.push_back(email);
    }
    expectExactlyOneCreated(postAtOnce({server.waitUntilListening()}, emails));
}

TEST_F(Duplicates, TwoServerInstancesSharingTheDatabaseCreateOneUser) {
    ServerProcess first(serverEnvironment());
    ServerProcess second(serverEnvironment());
    expectExactlyOneCreated(postAtOnce({first.waitUntilListening(), second.waitUntilListening()},
                                       std::vector<std::string>(kClients, "same@x.io")));
}

}  // namespace
}  // namespace users::testing
