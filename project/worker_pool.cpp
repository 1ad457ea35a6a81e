#include "project/worker_pool.hpp"

#include <sys/resource.h>
#include <unistd.h>

namespace users {
namespace {

// Bulk work yields the CPU to the reactors' short requests: with the CPU saturated, a worker at
// nice 10 gets about a tenth of a reactor's share.
constexpr int kWorkerNice = 10;

}  // namespace

WorkerPool::WorkerPool(unsigned threads, std::size_t queueLimit) : queueLimit_(queueLimit) {
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
}

WorkerPool::Load WorkerPool::load() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return {static_cast<unsigned>(threads_.size()), jobs_.size(), running_, refused_};
}

bool WorkerPool::submit(std::function<void()> job) {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (jobs_.size() >= queueLimit_) {
            ++refused_;
            return false;
        }
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
    return true;
}

void WorkerPool::work() {
    // Raising one's own nice value needs no privilege; failing to only costs the preference.
    static_cast<void>(setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kWorkerNice));
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
            ++running_;
        }
        job();
        const std::lock_guard<std::mutex> lock(mutex_);
        --running_;
    }
}

}  // namespace users
