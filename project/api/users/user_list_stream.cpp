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
    std::int64_t after;
    bool ended = false;
};

Later<std::string> nextPiece(const std::shared_ptr<Cursor>& cursor) {
    if (cursor->ended) return std::string();
    return cursor->repository.listAfter(cursor->after, kChunkRows)
        .then([cursor](const std::vector<db::User>& users) {
            cursor->ended = static_cast<std::int64_t>(users.size()) < kChunkRows;
            if (users.empty()) return std::string("]");
            cursor->after = users.back().id;
            return "," + itemsJson(users) + (cursor->ended ? "]" : "");
        });
}

}  // namespace

http::Reply listEveryone(const db::UserRepository& repository) {
    // The first chunk is read before the head is sent: a database fault there is the usual 503.
    return repository.listAfter(db::UserRepository::kBeforeEveryId, kChunkRows)
        .then([repository](const std::vector<db::User>& users) {
            if (static_cast<std::int64_t>(users.size()) < kChunkRows) {
                return http::jsonResponse(200, userListJson(users));
            }
            auto cursor = std::make_shared<Cursor>(Cursor{repository, users.back().id});
            http::Response response = http::jsonResponse(200, "[" + itemsJson(users));
            response.nextPiece = [cursor] { return nextPiece(cursor); };
            return response;
        });
}

}  // namespace users::api
