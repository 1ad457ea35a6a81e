#include "project/worker_pool.hpp"

namespace users {

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
