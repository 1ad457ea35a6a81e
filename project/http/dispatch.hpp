#pragma once

#include <memory>
#include <string>

#include <pistache/http.h>

#include "project/http/cors.hpp"
#include "project/http/response.hpp"
#include "project/http/router.hpp"
#include "project/later.hpp"

namespace users::http {

// What a request leads to: match -> validate -> handler, the one error -> status table, CORS.
// It never throws and its Later never fails: every failure becomes a JSON answer. The answer
// may come later (a database answer); it does not refer to the Pistache request.
class Dispatcher {
public:
    Dispatcher(std::shared_ptr<const Router> router, Cors cors)
        : router_(std::move(router)), cors_(std::move(cors)) {}

    struct Outcome {
        Response response;
        const Route* route = nullptr;  // null: no route matched
    };
    Later<Outcome> dispatch(const Pistache::Http::Request& request,
                            const std::string& requestId) const;

private:
    Later<Outcome> answer(const Pistache::Http::Request& request,
                          const std::string& requestId) const;

    std::shared_ptr<const Router> router_;
    Cors cors_;
};

}  // namespace users::http
