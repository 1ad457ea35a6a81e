#include <gtest/gtest.h>

#include "project/http/path_id.hpp"

namespace users::http {
namespace {

// As Flask's <int:id> converter: 0 is an id (of no user), and so is 007.
TEST(PathId, AcceptsNonNegativeIntegersThatFit) {
    EXPECT_EQ(parsePathId("0"), 0);
    EXPECT_EQ(parsePathId("007"), 7);
    EXPECT_EQ(parsePathId("1"), 1);
    EXPECT_EQ(parsePathId("42"), 42);
    EXPECT_EQ(parsePathId("9223372036854775807"), INT64_MAX);
}

TEST(PathId, RejectsEverythingElse) {
    for (const char* text : {"", "-1", "-0", "+1", "1.5", "12abc", "abc", " 1", "1 ",
                             "9223372036854775808", "99999999999999999999", "0x10"}) {
        EXPECT_FALSE(parsePathId(text).has_value()) << text;
    }
}

}  // namespace
}  // namespace users::http
