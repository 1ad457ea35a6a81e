#include <gtest/gtest.h>

#include "project/api/docs/gzip.hpp"
#include "tests/support/gunzip.hpp"

namespace users::api {
namespace {

using users::testing::gunzip;

TEST(Gzip, CompressesToTheGzipFormatAndBack) {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "function swagger" + std::to_string(i % 10) + "() {}\n";
    const std::string compressed = gzipCompress(text);
    ASSERT_GE(compressed.size(), 2U);
    EXPECT_EQ(static_cast<unsigned char>(compressed[0]), 0x1f);  // the gzip magic
    EXPECT_EQ(static_cast<unsigned char>(compressed[1]), 0x8b);
    EXPECT_LT(compressed.size(), text.size() / 10);
    EXPECT_EQ(gunzip(compressed), text);
    EXPECT_EQ(gunzip(gzipCompress("")), "");
}

TEST(Gzip, ReadsAcceptEncoding) {
    for (const char* yes : {"gzip", "GZIP", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8",
                            "deflate, *", "x-gzip", " gzip ; q=0.001", "*;q=0.5", "gzip;Q=1"}) {
        EXPECT_TRUE(acceptsGzip(yes)) << yes;
    }
    for (const char* no : {"", "identity", "br, deflate", "gzip;q=0", "gzip; q=0.000",
                           "*, gzip;q=0", "*;q=0", "gzipx", "deflate;q=0.5, gzip;q=0.0"}) {
        EXPECT_FALSE(acceptsGzip(no)) << no;
    }
}

}  // namespace
}  // namespace users::api
