#include "project/later.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace users {
namespace {

std::string messageOf(const std::exception_ptr& failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception& error) {
        return error.what();
    }
}

TEST(Later, AReadyValueRunsItsContinuationsAtOnce) {
    std::string seen;
    Later<int>(2)
        .then([](int n) { return n * 21; })
        .settle([&](int n) { seen = std::to_string(n); },
                [&](std::exception_ptr) { seen = "failed"; });
    EXPECT_EQ(seen, "42");
}

TEST(Later, APendingValueRunsThemWhenResolved) {
    auto [later, resolver] = Later<int>::pending();
    int seen = 0;
    std::move(later)
        .then([](int n) { return n + 1; })
        .settle([&](int n) { seen = n; }, [](std::exception_ptr) {});
    EXPECT_EQ(seen, 0);
    resolver.resolve(41);
    EXPECT_EQ(seen, 42);
}

TEST(Later, AContinuationReturningALaterIsFlattened) {
    auto [inner, resolver] = Later<std::string>::pending();
    std::string seen;
    Later<int>(1)
        .then([inner = std::move(inner)](int) mutable { return std::move(inner); })
        .settle([&](std::string text) { seen = text; }, [](std::exception_ptr) {});
    resolver.resolve("later");
    EXPECT_EQ(seen, "later");
}

TEST(Later, AThrowSkipsTheRestUntilRecover) {
    bool skipped = true;
    std::string seen;
    Later<int>(1)
        .then([](int) -> int { throw std::runtime_error("boom"); })
        .then([&](int n) {
            skipped = false;
            return n;
        })
        .recover([&](const std::exception_ptr& failure) {
            seen = messageOf(failure);
            return 7;
        })
        .settle([&](int n) { seen += std::to_string(n); }, [](std::exception_ptr) {});
    EXPECT_TRUE(skipped);
    EXPECT_EQ(seen, "boom7");
}

TEST(Later, SettlesOnceAndIgnoresALateAnswer) {
    auto [later, resolver] = Later<int>::pending();
    int values = 0;
    int failures = 0;
    std::move(later).settle([&](int) { ++values; }, [&](std::exception_ptr) { ++failures; });
    resolver.reject(std::make_exception_ptr(std::runtime_error("deadline")));
    resolver.resolve(1);
    EXPECT_EQ(values, 0);
    EXPECT_EQ(failures, 1);
    EXPECT_TRUE(resolver.settled());
}

}  // namespace
}  // namespace users
