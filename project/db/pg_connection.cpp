#include "project/db/pg_connection.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "project/errors.hpp"

namespace users::db {
namespace {

constexpr std::chrono::milliseconds kFirstRetry{50};
constexpr std::chrono::milliseconds kLongestRetry{2000};

std::exception_ptr unavailable(const std::string& why) {
    return std::make_exception_ptr(ServiceError::unavailable(why));
}

std::string sqlstateOf(const PGresult* result) {
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    return state != nullptr ? state : "";
}

// Class 08: connection exception; 57P: the server is shutting down or starting up.
bool isConnectionFailure(const std::string& sqlstate) {
    return sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("57P", 0) == 0;
}

}  // namespace

PgConnection::PgConnection(EventLoop& loop, std::string conninfo,
                           const std::vector<Statement>& statements,
                           std::chrono::milliseconds timeout, EngineStats& stats)
    : loop_(loop),
      conninfo_(std::move(conninfo)),
      statements_(statements),
      timeout_(timeout),
      stats_(stats) {}

PgConnection::~PgConnection() {
    if (socket_ >= 0) loop_.unwatch(socket_, PQsocket(connection_) == socket_);
    if (state_ == State::Ready) --stats_.open;
    if (busy_) --stats_.busy;
    if (connection_ != nullptr) PQfinish(connection_);
}

void PgConnection::enqueue(Query query) {
    unsent_.push_back(std::move(query));
    if (!busy_) {
        busy_ = true;
        ++stats_.busy;
    }
}

void PgConnection::flush() {
    if (state_ == State::Unprepared && !unsent_.empty()) {
        connectDeadline_ = Clock::now() + timeout_;
        return sendPrepares();
    }
    if (state_ != State::Ready || unsent_.empty()) return;
    std::optional<Access> open;  // the kind of the batch awaiting its Sync
    const auto sync = [this, &open] {
        open.reset();
        sent_.push_back({Item::Kind::Sync, std::nullopt});
        return PQpipelineSync(connection_) == 1;
    };
    while (!unsent_.empty()) {
        Query query = std::move(unsent_.front());
        unsent_.pop_front();
        const bool alone =
            query.access == Access::Write || (query.access == Access::Insert && query.resent);
        if (open && (*open != query.access || alone) && !sync()) {
            unsent_.push_front(std::move(query));
            return drop("could not queue a Sync");
        }
        std::vector<const char*> values;
        for (const auto& param : query.params) values.push_back(param ? param->c_str() : nullptr);
        const int sent = PQsendQueryPrepared(connection_, query.statement.c_str(),
                                             static_cast<int>(values.size()), values.data(),
                                             nullptr, nullptr, 0);
        if (sent != 1) {
            unsent_.push_front(std::move(query));
            return drop("could not queue a statement");
        }
        open = query.access;
        sent_.push_back({Item::Kind::Query, std::move(query)});
        ++sentQueries_;
        if (alone && !sync()) return drop("could not queue a Sync");
    }
    if (open && !sync()) return drop("could not queue a Sync");
    flushOutput();
}

void PgConnection::onSocket(bool readable, bool writable) {
    if (state_ == State::Connecting) return pollConnect();
    if (state_ == State::Down) return;
    if (writable) flushOutput();
    if (readable && state_ != State::Down) readResults();
}

std::optional<PgConnection::Clock::time_point> PgConnection::onTimer(Clock::time_point now) {
    switch (state_) {
        case State::Down:
            if (now < retryAt_) return retryAt_;
            connect(now);
            return state_ == State::Down ? retryAt_ : connectDeadline_;
        case State::Connecting:
        case State::Preparing:
            if (now < connectDeadline_) {
                return unsent_.empty() ? connectDeadline_
                                       : std::min(connectDeadline_, unsent_.front().deadline);
            }
            EngineStats::add(stats_.connectFailures);
            drop("no connection within the timeout");
            return retryAt_;
        case State::Unprepared:
        case State::Ready:
            break;
    }
    // A commit that never ends (a synchronous standby gone, say) is held to the deadline too.
    std::optional<Clock::time_point> oldest;
    if (!committing_.empty()) oldest = committing_.front().query.deadline;
    for (const auto& item : sent_) {
        if (item.kind == Item::Kind::Query && !item.answered) {
            oldest = std::min(oldest.value_or(item.query->deadline), item.query->deadline);
            break;
        }
    }
    if (!unsent_.empty())
        oldest = std::min(oldest.value_or(unsent_.front().deadline), unsent_.front().deadline);
    if (oldest && *oldest <= now) {
        EngineStats::add(stats_.timeouts);
        // libpq 15's cancel blocks: abandon the statement with its connection instead.
        drop("a statement outlived the database timeout");
        return retryAt_;
    }
    return oldest;
}

void PgConnection::connect(Clock::time_point now) {
    connectDeadline_ = now + timeout_;
    connection_ = PQconnectStart(conninfo_.c_str());
    if (connection_ == nullptr || PQstatus(connection_) == CONNECTION_BAD ||
        PQsetnonblocking(connection_, 1) != 0) {
        EngineStats::add(stats_.connectFailures);
        return drop("could not start connecting");
    }
    state_ = State::Connecting;
    socket_ = PQsocket(connection_);
    if (socket_ < 0) {
        EngineStats::add(stats_.connectFailures);
        return drop(std::string("could not connect: ") + PQerrorMessage(connection_));
    }
    // libpq's rule for a fresh PQconnectStart: behave as if polling asked to write.
    loop_.watch(socket_, false, true);
}

void PgConnection::pollConnect() {
    const PostgresPollingStatusType status = PQconnectPoll(connection_);
    // libpq may move to another socket (another host or address) while connecting.
    const int socket = PQsocket(connection_);
    if (socket != socket_) {
        if (socket_ >= 0) loop_.unwatch(socket_, false);  // libpq closed it
        socket_ = socket;
    }
    switch (status) {
        case PGRES_POLLING_READING:
            return loop_.watch(socket_, true, false);
        case PGRES_POLLING_WRITING:
            return loop_.watch(socket_, false, true);
        case PGRES_POLLING_OK:
            return startPreparing();
        default:
            EngineStats::add(stats_.connectFailures);
            return drop(std::string("could not connect: ") + PQerrorMessage(connection_));
    }
}

void PgConnection::startPreparing() {
    if (PQenterPipelineMode(connection_) != 1) {
        EngineStats::add(stats_.connectFailures);
        return drop("could not enter pipeline mode");
    }
    sendPrepares();
}

void PgConnection::sendPrepares() {
    state_ = State::Preparing;
    prepareFailure_.clear();
    for (const auto& statement : statements_) {
        if (PQsendPrepare(connection_, statement.name, statement.sql.c_str(), 0, nullptr) != 1) {
            return drop("could not queue a statement to prepare");
        }
        sent_.push_back({Item::Kind::Prepare, std::nullopt});
    }
    sent_.push_back({Item::Kind::Sync, std::nullopt});
    if (PQpipelineSync(connection_) != 1) return drop("could not queue a Sync");
    flushOutput();
}

// The Sync after the prepares: Ready, or Unprepared with what waited failed as a 503.
void PgConnection::onPrepared() {
    if (prepareFailure_.empty()) {
        state_ = State::Ready;
        backoff_ = std::chrono::milliseconds(0);
        warnedUnprepared_ = false;
        ++stats_.open;
        return;
    }
    state_ = State::Unprepared;
    EngineStats::add(stats_.statementErrors);
    const std::string why = "could not prepare the statements (SQLSTATE " + prepareFailure_ + ")";
    if (!warnedUnprepared_) {
        warnedUnprepared_ = true;
        spdlog::warn("database connection open but {}; preparing again for the next request", why);
    }
    std::deque<Query> waiting;
    waiting.swap(unsent_);
    const auto error = unavailable(why);
    for (auto& query : waiting) query.resolver.reject(error);
}

void PgConnection::flushOutput() {
    const int pending = PQflush(connection_);
    if (pending < 0) return drop(std::string("connection lost: ") + PQerrorMessage(connection_));
    const bool writable = pending == 1;
    if (writable != watchingWrite_) {
        watchingWrite_ = writable;
        loop_.watch(socket_, true, writable);
    }
}

void PgConnection::readResults() {
    if (PQconsumeInput(connection_) != 1) {
        EngineStats::add(stats_.connectionsLost);
        return drop(std::string("connection lost: ") + PQerrorMessage(connection_));
    }
    while (!sent_.empty() && PQisBusy(connection_) == 0) {
        PGresult* result = PQgetResult(connection_);
        Item& front = sent_.front();
        if (result == nullptr) {
            // NULL ends one statement's results; a Sync's result comes alone.
            if (front.kind == Item::Kind::Sync || !front.answered) break;
            sent_.pop_front();
            continue;
        }
        if (front.kind == Item::Kind::Sync) {
            sent_.pop_front();
            onSync(result);
            if (state_ == State::Down) return;
            continue;
        }
        if (front.answered) {
            PQclear(result);
            continue;
        }
        front.answered = true;
        answer(front, result);
        if (state_ == State::Down) return;
    }
    if (busy_ && inFlight() == 0) {
        busy_ = false;
        --stats_.busy;
    }
}

// The end of a batch: its writes are committed, or were rolled back with a failed one.
void PgConnection::onSync(PGresult* result) {
    const ExecStatusType status = PQresultStatus(result);
    PQclear(result);
    // An error here would be the commit's own: nothing of the batch may be acknowledged.
    if (status != PGRES_PIPELINE_SYNC) return drop("the batch did not commit");
    if (state_ == State::Preparing && sent_.empty()) return onPrepared();
    std::vector<Committing> committed;
    committed.swap(committing_);
    const bool rolledBack = batchFailed_;
    batchFailed_ = false;
    // Settle last: a continuation may already ask for another statement.
    for (auto& write : committed) {
        if (rolledBack) {
            resendAlone(std::move(write.query));
        } else {
            write.query.resolver.resolve(std::move(write.rows));
        }
    }
}

// Alone in its batch, a write is never rolled back by another, so it needs one second trip.
void PgConnection::resendAlone(Query query) {
    query.resent = true;
    unsent_.push_back(std::move(query));
}

void PgConnection::answer(Item& item, PGresult* result) {
    const ExecStatusType status = PQresultStatus(result);
    if (item.kind == Item::Kind::Prepare) {
        const bool prepared = status == PGRES_COMMAND_OK;
        const std::string state = sqlstateOf(result);
        PQclear(result);
        // 42P05: already prepared by an earlier round on this connection.
        if (prepared || state == "42P05") return;
        if (isConnectionFailure(state)) {
            EngineStats::add(stats_.connectFailures);
            return drop("the server ended the session (SQLSTATE " + state + ")");
        }
        if (prepareFailure_.empty()) prepareFailure_ = state.empty() ? "none" : state;
        return;
    }
    --sentQueries_;
    Query query = std::move(*item.query);
    item.query.reset();
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
        if (query.access == Access::Read) return query.resolver.resolve(Rows(result));
        committing_.push_back({std::move(query), Rows(result)});
        return;
    }
    if (status == PGRES_PIPELINE_ABORTED && !query.resent) {
        PQclear(result);
        return resendAlone(std::move(query));
    }
    const std::string sqlstate = sqlstateOf(result);
    if (query.access != Access::Read) batchFailed_ = true;
    // 40P01, 40001: a deadlock between two batches, or a serialization failure.
    if (sqlstate.rfind("40", 0) == 0 && !query.resent) {
        PQclear(result);
        return resendAlone(std::move(query));
    }
    const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    const std::string message = primary != nullptr ? primary : "no message";
    PQclear(result);
    if (sqlstate == "23505") {
        EngineStats::add(stats_.constraintViolations);
        return query.resolver.reject(std::make_exception_ptr(
            ServiceError(ErrorKind::Duplicate, "Sorry. That email already exists.")));
    }
    if (isConnectionFailure(sqlstate)) {
        EngineStats::add(stats_.connectionsLost);
        query.resolver.reject(unavailable("SQLSTATE " + sqlstate + ": " + message));
        return drop("the server ended the session (SQLSTATE " + sqlstate + ")");
    }
    auto& counter =
        sqlstate.rfind("23", 0) == 0 ? stats_.constraintViolations : stats_.statementErrors;
    EngineStats::add(counter);
    query.resolver.reject(std::make_exception_ptr(std::runtime_error(
        query.statement + " failed with SQLSTATE " + sqlstate + ": " + message)));
}

void PgConnection::drop(const std::string& why) {
    const bool wasReady = state_ == State::Ready;
    if (wasReady) {
        --stats_.open;
        spdlog::warn("database connection dropped: {}", why);
    }
    // libpq closes the socket itself when it sees the connection end.
    if (socket_ >= 0) {
        loop_.unwatch(socket_, connection_ != nullptr && PQsocket(connection_) == socket_);
    }
    socket_ = -1;
    watchingWrite_ = false;
    if (connection_ != nullptr) PQfinish(connection_);
    connection_ = nullptr;
    state_ = State::Down;
    backoff_ = std::clamp(backoff_ * 2, kFirstRetry, kLongestRetry);
    retryAt_ = Clock::now() + backoff_;

    // Settle last: a continuation may already ask for another statement.
    std::vector<Query> failed;
    for (auto& item : sent_) {
        if (item.query) failed.push_back(std::move(*item.query));
    }
    for (auto& query : unsent_) failed.push_back(std::move(query));
    for (auto& write : committing_) failed.push_back(std::move(write.query));
    sent_.clear();
    unsent_.clear();
    committing_.clear();
    batchFailed_ = false;
    sentQueries_ = 0;
    if (busy_) {
        busy_ = false;
        --stats_.busy;
    }
    const auto error = unavailable(why);
    for (auto& query : failed) query.resolver.reject(error);
}

}  // namespace users::db
