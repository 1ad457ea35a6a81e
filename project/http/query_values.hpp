#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace users::http {

// The declared query parameters a request carries, already decoded, validated and typed by
// their schemas (validateQuery): handlers read them without parsing again.
class QueryValues {
public:
    void setInteger(const std::string& name, std::int64_t value) { values_[name] = value; }
    void setText(const std::string& name, std::string value) { values_[name] = std::move(value); }

    bool empty() const { return values_.empty(); }

    // Nothing when the request does not carry the parameter (or it is declared of another type).
    std::optional<std::int64_t> integer(std::string_view name) const {
        return find<std::int64_t>(name);
    }
    std::optional<std::string> text(std::string_view name) const { return find<std::string>(name); }

private:
    template <typename T>
    std::optional<T> find(std::string_view name) const {
        auto found = values_.find(name);
        if (found == values_.end() || !std::holds_alternative<T>(found->second)) return {};
        return std::get<T>(found->second);
    }

    std::map<std::string, std::variant<std::int64_t, std::string>, std::less<>> values_;
};

}  // namespace users::http
