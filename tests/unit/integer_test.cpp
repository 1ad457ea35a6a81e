#include <gtest/gtest.h>

#include "project/integer.hpp"

namespace users {
namespace {

TEST(ParseInteger, ReadsWholeDecimalTextsThatFit) {
    EXPECT_EQ(parseInteger("0"), 0);
    EXPECT_EQ(parseInteger("42"), 42);
    EXPECT_EQ(parseInteger("-7"), -7);
    EXPECT_EQ(parseInteger("9223372036854775807"), INT64_MAX);
    EXPECT_EQ(parseInteger("-9223372036854775808"), INT64_MIN);
}

TEST(ParseInteger, RefusesAnythingElse) {
    for (const char* text : {"", "-", "+1", " 1", "1 ", "1.5", "12abc", "0x10", "abc",
                             "9223372036854775808", "99999999999999999999"}) {
        EXPECT_FALSE(parseInteger(text).has_value()) << text;
    }
}

}  // namespace
}  // namespace users
