#include <gtest/gtest.h>

#include "project/http/path_id.hpp"

namespace users::http {
namespace {

TEST(PathId, AcceptsPositiveIntegersThatFit) {
    EXPECT_EQ(parsePathId("1"), 1);
    EXPECT_EQ(parsePathId("42"), 42);
    EXPECT_EQ(parsePathId("9223372036854775807"), INT64_MAX);
}

TEST(PathId, RejectsEverythingElse) {
    for (const char* text : {"", "0", "-1", "+1", "1.5", "12abc", "abc", " 1", "1 ",
                             "9223372036854775808", "99999999999999999999", "0x10"}) {
        EXPECT_FALSE(parsePathId(text).has_value()) << text;
    }
}

}  // namespace
}  // namespace users::http
