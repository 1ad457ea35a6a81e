#include "project/db/pool.hpp"

#include <algorithm>

#include "project/errors.hpp"

namespace users::db {

Pool::Pool(const std::string& url, std::size_t size, std::chrono::milliseconds timeout, Setup setup)
    : url_(withConnectTimeout(url, timeout)),
      size_(size),
      timeout_(timeout),
      setup_(std::move(setup)) {}

Pool::Lease Pool::acquire() {
    std::unique_lock lock(mutex_);
    const auto free = [this] { return !idle_.empty() || open_ < size_; };
    if (!free()) ++waits_;
    if (!available_.wait_for(lock, timeout_, free)) {
        errors_.timeout.fetch_add(1, std::memory_order_relaxed);
        throw ServiceError::unavailable("no free database connection within the timeout");
    }
    if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return {this, std::move(connection)};
    }
    ++open_;
    lock.unlock();
    try {
        auto connection = std::make_unique<pqxx::connection>(url_);
        if (setup_) setup_(*connection);
        return {this, std::move(connection)};
    } catch (const std::exception& error) {
        errors_.connect.fetch_add(1, std::memory_order_relaxed);
        lock.lock();
        --open_;
        available_.notify_one();
        throwUnavailable(error);
    }
}

void Pool::release(std::unique_ptr<pqxx::connection> connection, bool broken) {
    std::lock_guard lock(mutex_);
    if (broken || !connection || !connection->is_open()) {
        // The others idle since the same outage are as dead: drop them too.
        open_ -= 1 + idle_.size();
        idle_.clear();
    } else {
        idle_.push_back(std::move(connection));
    }
    available_.notify_all();
}

bool Pool::isConnectionFailure(const std::exception& error) {
    if (dynamic_cast<const pqxx::broken_connection*>(&error) != nullptr) return true;
    const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error);
    if (sql == nullptr) return false;
    // Class 08: connection exception; 57P: the server is shutting down or starting up.
    const std::string& state = sql->sqlstate();
    return state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0;
}

void Pool::countStatementError(const std::exception& error) {
    // The repository turns a unique violation into a Duplicate before it gets here.
    const auto* service = dynamic_cast<const ServiceError*>(&error);
    if (service != nullptr && service->kind() == ErrorKind::Duplicate) {
        errors_.constraint.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error);
    if (sql == nullptr) return;
    auto& counter = sql->sqlstate().rfind("23", 0) == 0 ? errors_.constraint : errors_.statement;
    counter.fetch_add(1, std::memory_order_relaxed);
}

Pool::Stats Pool::stats() const {
    std::lock_guard lock(mutex_);
    const auto count = [](const std::atomic<std::uint64_t>& value) {
        return value.load(std::memory_order_relaxed);
    };
    return {size_,
            open_,
            open_ - idle_.size(),
            waits_,
            count(errors_.connect),
            count(errors_.connectionLost),
            count(errors_.timeout),
            count(errors_.constraint),
            count(errors_.statement)};
}

void Pool::throwUnavailable(const std::exception& error) {
    if (const auto* service = dynamic_cast<const ServiceError*>(&error)) throw *service;
    throw ServiceError::unavailable(error.what());
}

std::string withConnectTimeout(const std::string& url, std::chrono::milliseconds timeout) {
    if (url.find("connect_timeout") != std::string::npos) return url;
    const auto seconds = std::max<long long>(2, (timeout.count() + 999) / 1000);
    const std::string setting = "connect_timeout=" + std::to_string(seconds);
    const bool isUri = url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0;
    if (!isUri) return url + " " + setting;
    return url + (url.find('?') == std::string::npos ? "?" : "&") + setting;
}

}  // namespace users::db
