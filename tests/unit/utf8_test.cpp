#include <gtest/gtest.h>

#include <string>

#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>

#include "project/utf8.hpp"

namespace users {
namespace {

// RapidJSON's validator, which checked stored text before isValidUtf8 did.
bool rapidjsonAccepts(const std::string& text) {
    struct Discard {
        void Put(char) {}
    } discard;
    rapidjson::MemoryStream stream(text.data(), text.size());
    while (stream.Tell() < text.size()) {
        if (!rapidjson::UTF8<>::Validate(stream, discard)) return false;
    }
    return true;
}

TEST(Utf8, MeasuresWellFormedSequences) {
    EXPECT_EQ(utf8SequenceLength("a", 0), 1U);
    EXPECT_EQ(utf8SequenceLength("\xc3\xa9", 0), 2U);
    EXPECT_EQ(utf8SequenceLength("\xe2\x82\xac", 0), 3U);
    EXPECT_EQ(utf8SequenceLength("x\xf0\x9f\x98\x80", 1), 4U);
}

TEST(Utf8, RefusesMalformedSequences) {
    for (const char* text : {"\x80", "\xc0\xaf", "\xc3", "\xc3(", "\xed\xa0\x80", "\xe0\x80\xaf",
                             "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff"}) {
        EXPECT_EQ(utf8SequenceLength(text, 0), 0U) << text;
        EXPECT_FALSE(isValidUtf8(text)) << text;
    }
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_TRUE(isValidUtf8("caf\xc3\xa9 \xe2\x82\xac"));
}

TEST(Utf8, AgreesWithRapidJsonOnEveryTwoAndThreeByteText) {
    for (unsigned lead = 0x80; lead <= 0xFF; ++lead) {
        for (unsigned second = 0; second <= 0xFF; ++second) {
            const std::string two{static_cast<char>(lead), static_cast<char>(second)};
            ASSERT_EQ(isValidUtf8(two), rapidjsonAccepts(two)) << lead << " " << second;
            for (unsigned third : {0x41U, 0x80U, 0xBFU, 0xC0U}) {
                const std::string three = two + static_cast<char>(third);
                ASSERT_EQ(isValidUtf8(three), rapidjsonAccepts(three)) << lead << " " << second;
            }
        }
    }
}

}  // namespace
}  // namespace users
