#include "project/api/users/user_list_stream.hpp"

#include <memory>

#include "project/api/users/user_json.hpp"

namespace users::api {
namespace {

// A chunk's users as array items, without the brackets.
std::string itemsJson(const std::vector<db::User>& users) {
    const std::string json = userListJson(users);
    return json.substr(1, json.size() - 2);
}

struct Cursor {
    db::UserRepository repository;
    WorkerPool& workers;
    std::int64_t after;
    bool ended = false;
};

Later<std::string> nextPiece(const std::shared_ptr<Cursor>& cursor) {
    if (cursor->ended) return std::string();
    return cursor->repository.listAfter(cursor->after, kChunkRows)
        .then([cursor](std::vector<db::User> users) -> Later<std::string> {
            cursor->ended = static_cast<std::int64_t>(users.size()) < kChunkRows;
            if (users.empty()) return std::string("]");
            cursor->after = users.back().id;
            return cursor->workers.run([users = std::move(users), ended = cursor->ended] {
                return "," + itemsJson(users) + (ended ? "]" : "");
            });
        });
}

}  // namespace

http::Reply listEveryone(const db::UserRepository& repository, WorkerPool& workers) {
    // The first chunk is read before the head is sent: a database fault there is the usual 503.
    return repository.listAfter(db::UserRepository::kBeforeEveryId, kChunkRows)
        .then([repository, &workers](std::vector<db::User> users) -> http::Reply {
            // A short list is answered at once: the trip to a worker would cost more than it.
            if (static_cast<std::int64_t>(users.size()) < kChunkRows) {
                return http::jsonResponse(200, userListJson(users));
            }
            auto cursor = std::make_shared<Cursor>(Cursor{repository, workers, users.back().id});
            return workers.run([users = std::move(users)] { return "[" + itemsJson(users); })
                .then([cursor](std::string first) {
                    http::Response response = http::jsonResponse(200, std::move(first));
                    response.nextPiece = [cursor] { return nextPiece(cursor); };
                    return response;
                });
        });
}

}  // namespace users::api
