#pragma once

#include <memory>
#include <string>

#include <pistache/http.h>

#include "project/http/cors.hpp"
#include "project/http/response.hpp"
#include "project/http/router.hpp"

namespace users::http {

// What a request leads to: match -> validate -> handler, the one error -> status table, CORS.
// It never throws: every failure becomes a JSON answer.
class Dispatcher {
public:
    Dispatcher(std::shared_ptr<const Router> router, Cors cors)
        : router_(std::move(router)), cors_(std::move(cors)) {}

    struct Outcome {
        Response response;
        const Route* route = nullptr;  // null: no route matched
    };
    Outcome dispatch(const Pistache::Http::Request& request, const std::string& requestId) const;

private:
    Outcome answer(const Pistache::Http::Request& request, const std::string& requestId) const;

    std::shared_ptr<const Router> router_;
    Cors cors_;
};

}  // namespace users::http
