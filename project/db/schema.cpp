#include "project/db/schema.hpp"

namespace users::db {

void recreateSchema(pqxx::connection& connection) {
    pqxx::work transaction(connection);
    transaction.exec("DROP TABLE IF EXISTS users CASCADE");
    transaction.exec(kSchemaSql);
    transaction.commit();
}

}  // namespace users::db
