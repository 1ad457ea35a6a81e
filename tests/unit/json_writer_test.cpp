#include <gtest/gtest.h>

#include "project/http/json_writer.hpp"

namespace users::http {
namespace {

TEST(WriteJson, ReturnsWhatTheWriterWrote) {
    const std::string json = writeJson([](JsonWriter& writer) {
        writer.StartObject();
        writeKey(writer, "n");
        writer.Int64(-3);
        writer.EndObject();
    });
    EXPECT_EQ(json, R"({"n":-3})");
}

TEST(WriteJson, WritesStringsAndKeysByLengthSoANulIsEscaped) {
    const std::string text("a\0b", 3);
    const std::string json = writeJson([&text](JsonWriter& writer) {
        writer.StartObject();
        writeKey(writer, text);
        writeString(writer, text);
        writer.EndObject();
    });
    EXPECT_EQ(json, R"({"a\u0000b":"a\u0000b"})");
}

}  // namespace
}  // namespace users::http
