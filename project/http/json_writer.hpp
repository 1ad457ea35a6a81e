#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace users::http {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// The JSON text that write(writer) produces: every serializer's buffer and writer in one place.
template <typename Write>
std::string writeJson(Write&& write) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    std::forward<Write>(write)(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

// Strings by length: a NUL inside is written as \u0000, not taken for the end.
inline void writeString(JsonWriter& writer, std::string_view text) {
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

inline void writeKey(JsonWriter& writer, std::string_view name) {
    writer.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

}  // namespace users::http
