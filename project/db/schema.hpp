#pragma once

#include <pqxx/pqxx>

namespace users::db {

// The contents of project/db/schema.sql, compiled in.
extern const char* const kSchemaSql;

// Drops the service's tables and creates them from the schema, in one transaction.
void recreateSchema(pqxx::connection& connection);

}  // namespace users::db
