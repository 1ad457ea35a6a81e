#include "project/http/query_params.hpp"

#include "project/errors.hpp"
#include "project/integer.hpp"

namespace users::http {
namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string range(const rapidjson::Value& schema, const char* low, const char* high,
                  const char* unit) {
    const bool hasLow = schema.HasMember(low);
    const bool hasHigh = schema.HasMember(high);
    const auto text = [&](const char* key) { return std::to_string(schema[key].GetInt64()); };
    if (hasLow && hasHigh) return " from " + text(low) + " to " + text(high) + unit;
    if (hasLow) return " of at least " + text(low) + unit;
    if (hasHigh) return " of at most " + text(high) + unit;
    return "";
}

// The reason given to clients, read from the schema that rejected the value.
std::string describe(const rapidjson::Value& schema) {
    const std::string type = schema.HasMember("type") ? schema["type"].GetString() : "value";
    if (type == "integer") return "must be an integer" + range(schema, "minimum", "maximum", "");
    if (type == "string") {
        return "must be a string" + range(schema, "minLength", "maxLength", " characters long");
    }
    return "must be a valid " + type;
}

// The value as the JSON type its schema expects, or Null when it cannot be one.
rapidjson::Document typed(const std::string& value, const rapidjson::Value& schema) {
    rapidjson::Document document;
    const std::string type = schema.HasMember("type") ? schema["type"].GetString() : "string";
    if (type == "integer") {
        if (auto number = parseInteger(value)) document.SetInt64(*number);
        return document;
    }
    document.SetString(value.c_str(), static_cast<rapidjson::SizeType>(value.size()),
                       document.GetAllocator());
    return document;
}

}  // namespace

std::optional<std::string> percentDecode(std::string_view text) {
    std::string decoded;
    decoded.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            decoded += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        const int high = hexValue(text[i + 1]);
        const int low = hexValue(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        decoded += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return decoded;
}

QueryValues validateQuery(const Pistache::Http::Uri::Query& query,
                          const std::vector<ParameterSpec>& parameters) {
    QueryValues values;
    for (const auto& parameter : parameters) {
        if (parameter.in != "query") continue;
        const auto raw = query.get(parameter.name);
        if (!raw) continue;
        const rapidjson::Value& schema = parameter.schema->json();
        const auto value = percentDecode(*raw);
        if (!value || !isCleanText(*value)) {
            throw ServiceError::invalidField(parameter.name, describe(schema));
        }
        const rapidjson::Document document = typed(*value, schema);
        rapidjson::SchemaValidator validator(parameter.schema->compiled());
        if (document.IsNull() || !parameter.schema->validate(document, validator)) {
            throw ServiceError::invalidField(parameter.name, describe(schema));
        }
        if (document.IsInt64()) {
            values.setInteger(parameter.name, document.GetInt64());
        } else {
            values.setText(parameter.name, *value);
        }
    }
    return values;
}

}  // namespace users::http
