#pragma once

#include "project/db/user_repository.hpp"
#include "project/http/route.hpp"
#include "project/worker_pool.hpp"

namespace users::api {

// GET /users without parameters: every user, read and sent kChunkRows at a time, so the server
// never holds a large table's body whole and a slow client slows only its own reads. Each
// chunk's JSON is built on `workers`, off the reactor, which meanwhile serves other requests.
// The JSON is the same as one array built at once. Fewer rows than a chunk: one ordinary answer.
http::Reply listEveryone(const db::UserRepository& repository, WorkerPool& workers);

constexpr std::int64_t kChunkRows = 1000;

}  // namespace users::api
