#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

#include "project/errors.hpp"
#include "project/later.hpp"
#include "project/mailbox.hpp"

namespace users {

// A few threads for work no reactor may wait on: CPU work such as building a large JSON body
// (later, password hashing). run() is called on an event loop's thread inside a round; the
// result comes back to that thread through its Inbox. Bounded: beyond `queueLimit` jobs
// waiting for a thread, run() fails at once with the busy error (503) instead of queueing.
class WorkerPool {
public:
    WorkerPool(unsigned threads, std::size_t queueLimit);
    ~WorkerPool();  // finishes the queued jobs, then joins
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // f() on a worker; its value, or what it threw, settles the Later on this thread.
    template <typename F>
    auto run(F f) -> Later<std::invoke_result_t<F&>>;

    struct Load {
        unsigned threads;
        std::size_t queued;     // jobs waiting for a thread
        std::size_t running;    // jobs on a thread now
        std::uint64_t refused;  // run() calls refused at the queue limit, since the start
    };
    Load load() const;

private:
    bool submit(std::function<void()> job);
    void work();

    const std::size_t queueLimit_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    std::size_t running_ = 0;
    std::uint64_t refused_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

template <typename F>
auto WorkerPool::run(F f) -> Later<std::invoke_result_t<F&>> {
    using T = std::invoke_result_t<F&>;
    auto [later, resolver] = Later<T>::pending();
    // The job holds the resolver only to hand it back: the Later's state is touched on this
    // thread alone, when the mailbox runs the answer.
    const bool queued = submit([f = std::move(f), resolver = resolver,
                                mailbox = Inbox::current().mailbox()]() mutable {
        std::optional<T> value;
        std::exception_ptr error;
        try {
            value.emplace(f());
        } catch (...) {
            error = std::current_exception();
        }
        mailbox->post([resolver = std::move(resolver), value = std::move(value), error]() mutable {
            if (error) return resolver.reject(error);
            resolver.resolve(std::move(*value));
        });
    });
    if (!queued) {
        return Later<T>::failed(
            std::make_exception_ptr(ServiceError::busy("the worker queue reached its limit")));
    }
    return later;
}

}  // namespace users
