#include "project/db/seed_users.hpp"

namespace users::db {

bool createUnlessEmailTaken(Pool& pool, const UserInput& input) {
    return pool.run([&input](pqxx::connection& connection) {
        pqxx::nontransaction transaction(connection);
        return !transaction.exec_prepared("insert_user_if_absent", input.username, input.email)
                    .empty();
    });
}

}  // namespace users::db
