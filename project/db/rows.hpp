#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <libpq-fe.h>

namespace users::db {

// The rows of one statement's answer, read as text (the protocol's text format).
class Rows {
public:
    explicit Rows(PGresult* result) : result_(result, &PQclear) {}

    int size() const { return PQntuples(result_.get()); }
    bool empty() const { return size() == 0; }
    std::string text(int row, int column) const {
        return {PQgetvalue(result_.get(), row, column),
                static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
    }
    std::int64_t integer(int row, int column) const { return std::stoll(text(row, column)); }

private:
    std::shared_ptr<PGresult> result_;
};

// A statement's parameters in text form; nullopt is SQL NULL.
using Params = std::vector<std::optional<std::string>>;

// A named statement, prepared on every connection when it opens.
struct Statement {
    const char* name;
    std::string sql;
};

// How a statement may share a pipeline batch with its neighbours (see PgConnection).
enum class Access {
    Read,    // with other reads
    Insert,  // adds rows and locks no existing one: one transaction with other inserts
    Write,   // locks existing rows: alone, as batches locking rows in crossing orders deadlock
};

}  // namespace users::db
