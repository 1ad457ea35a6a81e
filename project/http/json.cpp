#include "project/http/json.hpp"

#include <cstring>
#include <stdexcept>

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/stringbuffer.h>

#include "project/errors.hpp"
#include "project/http/json_writer.hpp"
#include "project/utf8.hpp"

namespace users::http {
namespace {

constexpr const char* kBodyField = "body";

// Forwards SAX events to `next` and stops the parse once nesting passes `maxDepth`.
template <typename Next>
class DepthLimit {
public:
    DepthLimit(Next& next, unsigned maxDepth) : next_(next), maxDepth_(maxDepth) {}

    bool tooDeep() const { return tooDeep_; }

    bool Null() { return next_.Null(); }
    bool Bool(bool b) { return next_.Bool(b); }
    bool Int(int i) { return next_.Int(i); }
    bool Uint(unsigned u) { return next_.Uint(u); }
    bool Int64(int64_t i) { return next_.Int64(i); }
    bool Uint64(uint64_t u) { return next_.Uint64(u); }
    bool Double(double d) { return next_.Double(d); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
        return next_.RawNumber(s, n, copy);
    }
    bool String(const char* s, rapidjson::SizeType n, bool copy) {
        return next_.String(s, n, copy);
    }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return next_.Key(s, n, copy); }
    bool StartObject() { return enter() && next_.StartObject(); }
    bool EndObject(rapidjson::SizeType n) { return leave() && next_.EndObject(n); }
    bool StartArray() { return enter() && next_.StartArray(); }
    bool EndArray(rapidjson::SizeType n) { return leave() && next_.EndArray(n); }

private:
    bool enter() {
        tooDeep_ = ++depth_ > maxDepth_;
        return !tooDeep_;
    }
    bool leave() {
        --depth_;
        return true;
    }

    Next& next_;
    unsigned maxDepth_;
    unsigned depth_ = 0;
    bool tooDeep_ = false;
};

// Document::Populate drives this: parse without recursion, behind the depth limit.
struct LimitedParse {
    std::string_view text;
    rapidjson::ParseResult result;
    bool tooDeep = false;

    bool operator()(rapidjson::Document& document) {
        // No kParseFullPrecisionFlag: its path runs __builtin_clzll(0) (undefined behaviour)
        // on a zero with an exponent such as 0e99, found by fuzz/fuzz_body.
        constexpr unsigned kFlags =
            rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
        DepthLimit<rapidjson::Document> limit(document, kMaxJsonDepth);
        rapidjson::MemoryStream stream(text.data(), text.size());
        rapidjson::Reader reader;
        result = reader.Parse<kFlags>(stream, limit);
        tooDeep = limit.tooDeep();
        return !result.IsError();
    }
};

std::string pointerText(const rapidjson::Pointer& pointer) {
    rapidjson::StringBuffer buffer;
    pointer.Stringify(buffer);
    std::string text = buffer.GetString();
    return text.empty() ? kBodyField : text.substr(1);
}

std::string missingRequired(const rapidjson::Value& schema, const rapidjson::Value& document) {
    for (const auto& name : schema["required"].GetArray()) {
        if (!document.IsObject() || !document.HasMember(name)) return name.GetString();
    }
    return kBodyField;
}

std::string reason(const std::string& keyword, const rapidjson::Value& schema) {
    if (keyword == "type") {
        const std::string type = schema["type"].IsString() ? schema["type"].GetString() : "value";
        return type == "object" ? "must be a JSON object" : "must be a " + type;
    }
    if (keyword == "minLength") return "must not be empty";
    if (keyword == "maxLength") {
        return "must be at most " + std::to_string(schema["maxLength"].GetUint()) + " characters";
    }
    if (keyword == "pattern" && schema.HasMember("format")) {
        return std::string("must be a valid ") + schema["format"].GetString() + " address";
    }
    return "is invalid (" + keyword + ")";
}

[[noreturn]] void throwSchemaFailure(const rapidjson::SchemaValidator& validator,
                                     const JsonSchema& schema,
                                     const rapidjson::Document& document) {
    const std::string keyword = validator.GetInvalidSchemaKeyword();
    const rapidjson::Value* node = validator.GetInvalidSchemaPointer().Get(schema.json());
    const rapidjson::Value& schemaNode = node != nullptr ? *node : schema.json();
    if (keyword == "required") {
        const std::string field = missingRequired(schemaNode, document);
        throw ServiceError::invalidField(field, "'" + field + "' is a required property");
    }
    throw ServiceError::invalidField(pointerText(validator.GetInvalidDocumentPointer()),
                                     reason(keyword, schemaNode));
}

bool isCleanUtf8(const rapidjson::Value& text) {
    return isCleanText({text.GetString(), text.GetStringLength()});
}

// Only declared properties are ever stored, so only they need the byte-level check.
void checkDeclaredStrings(const rapidjson::Document& document, const rapidjson::Value& schema) {
    auto properties = schema.FindMember("properties");
    if (properties == schema.MemberEnd() || !document.IsObject()) return;
    for (const auto& property : properties->value.GetObject()) {
        auto member = document.FindMember(property.name);
        if (member != document.MemberEnd() && member->value.IsString() &&
            !isCleanUtf8(member->value)) {
            throw ServiceError::invalidField(property.name.GetString(),
                                             "must not contain NUL characters or invalid UTF-8");
        }
    }
}

}  // namespace

bool isCleanText(std::string_view text) {
    return text.find('\0') == std::string_view::npos && isValidUtf8(text);
}

JsonSchema::JsonSchema(std::string_view text) {
    json_.Parse(text.data(), text.size());
    if (json_.HasParseError()) throw std::invalid_argument("JSON Schema is not valid JSON");
    compiled_ = std::make_unique<rapidjson::SchemaDocument>(json_);
}

rapidjson::Document parseBody(std::string_view body, const JsonSchema& schema) {
    // MemoryStream reads a raw NUL byte as the end of input: refuse it outright.
    if (body.find('\0') != std::string_view::npos) {
        throw ServiceError::invalidField(kBodyField, "is not valid JSON: contains a NUL byte");
    }
    rapidjson::Document document;
    LimitedParse parse{body, {}};
    document.Populate(parse);
    if (parse.tooDeep) {
        throw ServiceError::invalidField(
            kBodyField, "nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    if (parse.result.IsError()) {
        throw ServiceError::invalidField(
            kBodyField, std::string("is not valid JSON: ") +
                            rapidjson::GetParseError_En(parse.result.Code()) + " (at byte " +
                            std::to_string(parse.result.Offset()) + ")");
    }
    rapidjson::SchemaValidator validator(schema.compiled());
    if (!schema.validate(document, validator)) throwSchemaFailure(validator, schema, document);
    checkDeclaredStrings(document, schema.json());
    return document;
}

std::string toJson(const rapidjson::Value& value) {
    return writeJson([&value](JsonWriter& writer) { value.Accept(writer); });
}

std::string messageJson(const std::string& message) {
    return writeJson([&message](JsonWriter& writer) {
        writer.StartObject();
        writer.Key("message");
        writeString(writer, message);
        writer.EndObject();
    });
}

}  // namespace users::http
