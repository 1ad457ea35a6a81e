// What an unpaginated GET /users of a large table costs the server's memory: streamed in
// chunks, only the chunk being written; the buffered form of the same list, all of it.
#include <thread>

#include <gtest/gtest.h>

#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/users.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;

constexpr long long kUsers = 200'000;  // about 20 MB of JSON

TEST(StreamedMemory, ASlowClientOfALargeListCostsTheServerOneChunkNotTheList) {
    recreateTestDatabase();
    addNumberedUsers(1, kUsers);
    ServerProcess server(serverEnvironment());
    const std::uint16_t port = server.waitUntilListening();
    // Every worker's malloc arena and the engine's connections exist before the baseline.
    for (int i = 0; i < 64; ++i) ASSERT_EQ(httpRequest(port, "GET", "/users?limit=1").status, 200);

    const long long before = server.peakResidentKb();
    ASSERT_GT(before, 0);
    // A small window, so that the kernel's buffers cannot hide what the server holds.
    HttpConnection slow(port, 64 * 1024);
    slow.sendRaw("GET /users HTTP/1.1\r\nHost: x\r\n\r\n");
    // Not reading until the server stops working on it: stalled on its writes (streamed), or
    // with the whole list made (held in memory), whatever the build's speed.
    double cpu = -1;
    for (int round = 0; round < 30 && server.cpuSeconds() - cpu > 0.01; ++round) {
        cpu = server.cpuSeconds();
        std::this_thread::sleep_for(300ms);
    }
    const HttpResponse streamed = slow.readResponse(30s);
    const long long streamedKb = server.peakResidentKb() - before;

    const long long beforeBuffered = server.peakResidentKb();
    const HttpResponse buffered = httpRequest(port, "GET", "/users?after=0");
    const long long bufferedKb = server.peakResidentKb() - beforeBuffered;

    RecordProperty("streamed_peak_growth_kb", static_cast<int>(streamedKb));
    RecordProperty("buffered_peak_growth_kb", static_cast<int>(bufferedKb));
    ASSERT_EQ(streamed.header("transfer-encoding"), "chunked");
    ASSERT_GT(streamed.body.size(), 15'000'000U);
    EXPECT_EQ(streamed.body, buffered.body);
    EXPECT_LT(streamedKb, 5 * 1024) << "streamed: " << streamedKb << " kB more at the peak";
    // The measurement sees a whole body when one is held (else the bound above proves nothing).
    EXPECT_GT(bufferedKb, 15 * 1024) << "buffered: " << bufferedKb << " kB more at the peak";
}

}  // namespace
}  // namespace users::testing
