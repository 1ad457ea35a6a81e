#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "project/http/request_id.hpp"

namespace users::http {
namespace {

TEST(RequestId, AcceptsBoundedSafeIds) {
    EXPECT_TRUE(isSafeRequestId("abc-123"));
    EXPECT_TRUE(isSafeRequestId("0f8fad5b-d9cb-469f-a165-70867728950e"));
    EXPECT_TRUE(isSafeRequestId("trace.span_1:2"));
    EXPECT_TRUE(isSafeRequestId(std::string(kMaxRequestIdLength, 'a')));
}

TEST(RequestId, RefusesEmptyLongOrUnsafeIds) {
    EXPECT_FALSE(isSafeRequestId(""));
    EXPECT_FALSE(isSafeRequestId(std::string(kMaxRequestIdLength + 1, 'a')));
    for (const char* unsafe : {"a b", "a\"b", "a\nb", "a{b}", "a/b", "\xc3\xa9", "a\\b"}) {
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

}  // namespace
}  // namespace users::http
