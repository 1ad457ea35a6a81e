#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <regex>
#include <set>
#include <thread>
#include <vector>

#include "project/http/request_id.hpp"

namespace users::http {
namespace {

TEST(RequestId, AcceptsBoundedSafeIds) {
    EXPECT_TRUE(isSafeRequestId("abc-123"));
    EXPECT_TRUE(isSafeRequestId("0f8fad5b-d9cb-469f-a165-70867728950e"));
    EXPECT_TRUE(isSafeRequestId("trace.span_1:2"));
    // Base64, as some platform routers send it.
    EXPECT_TRUE(isSafeRequestId("q83vEjRWeJA+/w=="));
    EXPECT_TRUE(isSafeRequestId("a+b/c="));
    EXPECT_TRUE(isSafeRequestId(std::string(kMaxRequestIdLength, 'a')));
}

TEST(RequestId, RefusesEmptyLongOrUnsafeIds) {
    EXPECT_FALSE(isSafeRequestId(""));
    EXPECT_FALSE(isSafeRequestId(std::string(kMaxRequestIdLength + 1, 'a')));
    EXPECT_FALSE(isSafeRequestId(std::string(kMaxRequestIdLength + 1, '=')));
    for (const char* unsafe : {"a b", "a\"b", "a\nb", "a\rb", "a{b}", "a,b", "a;b", "a%2Fb",
                               "\xc3\xa9", "a\\b", "a\tb", "a<b>", "a'b"}) {
        EXPECT_FALSE(isSafeRequestId(unsafe)) << unsafe;
    }
}

TEST(RequestId, GeneratesDistinctVersion4Uuids) {
    const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = newRequestId();
        EXPECT_TRUE(std::regex_match(id, uuid)) << id;
        EXPECT_TRUE(isSafeRequestId(id));
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 1000U);
}

TEST(RequestId, StaysDistinctAcrossThreads) {
    std::vector<std::set<std::string>> perThread(4);
    std::vector<std::thread> threads;
    for (auto& ids : perThread) {
        threads.emplace_back([&ids] {
            for (int i = 0; i < 500; ++i) ids.insert(newRequestId());
        });
    }
    for (auto& thread : threads) thread.join();
    std::set<std::string> all;
    for (const auto& ids : perThread) all.insert(ids.begin(), ids.end());
    EXPECT_EQ(all.size(), 2000U);
}

// A forked child starts with a copy of its parent's random bytes: it must not reuse them.
TEST(RequestId, AForkedChildDoesNotRepeatItsParentsIds) {
    newRequestId();  // the parent's buffer is filled
    std::array<int, 2> pipe{};
    ASSERT_EQ(::pipe(pipe.data()), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        const std::string id = newRequestId();
        _exit(::write(pipe[1], id.data(), id.size()) == static_cast<ssize_t>(id.size()) ? 0 : 1);
    }
    const std::string parentId = newRequestId();
    std::array<char, 36> childId{};
    ASSERT_EQ(::read(pipe[0], childId.data(), childId.size()), 36);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(pipe[0]);
    ::close(pipe[1]);
    EXPECT_NE(std::string(childId.data(), childId.size()), parentId);
}

}  // namespace
}  // namespace users::http
