// Request body parse + validation with the users input schema: any input either validates into a
// clean UserInput or is refused with an InvalidInput error; anything else (a crash, another
// exception, a NUL reaching the repository) is a bug.
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "project/api/users/user_json.hpp"
#include "project/errors.hpp"
#include "project/http/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto schema = users::api::userInputSchema();
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    try {
        const auto document = users::http::parseBody(body, *schema);
        const auto input = users::api::toUserInput(document);
        if (input.username.empty() || input.email.empty()) std::abort();
        if (input.username.find('\0') != std::string::npos) std::abort();
        if (input.email.find('\0') != std::string::npos) std::abort();
    } catch (const users::ServiceError& error) {
        if (error.kind() != users::ErrorKind::InvalidInput || error.items().size() != 1) {
            std::abort();
        }
    }
    return 0;
}
