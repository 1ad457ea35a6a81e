#include "project/worker_pool.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

namespace users {
namespace {

using namespace std::chrono_literals;

// The smallest event loop an Inbox needs: it remembers the one fd and polls it.
class PollLoop : public EventLoop {
public:
    PollLoop() : inbox_(*this) {}

    void watch(int fd, bool /*readable*/, bool /*writable*/) override { fd_ = fd; }
    void unwatch(int /*fd*/, bool /*open*/) override { fd_ = -1; }
    void wakeAt(Clock::time_point /*when*/) override {}

    // `start` inside a round, as a reactor's handler would call run(); then rounds until done.
    template <typename Start>
    void inRound(Start start) {
        inbox_.enterRound();
        start();
        inbox_.leaveRound();
    }
    template <typename Done>
    bool runUntil(Done done, std::chrono::milliseconds limit = 5s) {
        const auto until = Clock::now() + limit;
        while (!done()) {
            if (Clock::now() >= until) return false;
            pollfd ready{fd_, POLLIN, 0};
            if (::poll(&ready, 1, 10) == 1) inRound([&] { inbox_.onSocket(fd_, true, false); });
        }
        return true;
    }

    Inbox& inbox() { return inbox_; }

private:
    int fd_ = -1;
    Inbox inbox_;
};

TEST(WorkerPool, TheWorkRunsOnAWorkerAndItsAnswerOnTheThreadThatAsked) {
    WorkerPool pool(2, 8);
    PollLoop loop;
    const auto asking = std::this_thread::get_id();
    std::thread::id worker, answered;
    std::string result;
    loop.inRound([&] {
        pool.run([] {
                std::this_thread::sleep_for(5ms);
                return std::this_thread::get_id();
            })
            .then([&](std::thread::id id) {
                worker = id;
                answered = std::this_thread::get_id();
                return std::string("done");
            })
            .settle([&](std::string text) { result = std::move(text); },
                    [](const std::exception_ptr&) {});
    });
    EXPECT_TRUE(result.empty());  // nothing is answered inside run()
    ASSERT_TRUE(loop.runUntil([&] { return !result.empty(); }));
    EXPECT_EQ(result, "done");
    EXPECT_NE(worker, asking);
    EXPECT_EQ(answered, asking);
}

int niceOfThisThread() { return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())); }

TEST(WorkerPool, WorkersRunBelowTheAskingThreadsPriority) {
    WorkerPool pool(1, 8);
    PollLoop loop;
    std::optional<int> workerNice;
    loop.inRound([&] {
        pool.run(niceOfThisThread)
            .settle([&](int nice) { workerNice = nice; }, [](const std::exception_ptr&) {});
    });
    ASSERT_TRUE(loop.runUntil([&] { return workerNice.has_value(); }));
    EXPECT_EQ(*workerNice, std::max(10, niceOfThisThread()));
}

TEST(WorkerPool, WhatTheWorkThrowsReachesTheAskingThread) {
    WorkerPool pool(1, 8);
    PollLoop loop;
    std::string failure;
    loop.inRound([&] {
        pool.run([]() -> int { throw std::runtime_error("no luck"); })
            .settle([](int) {},
                    [&](const std::exception_ptr& error) {
                        try {
                            std::rethrow_exception(error);
                        } catch (const std::runtime_error& thrown) {
                            failure = thrown.what();
                        }
                    });
    });
    ASSERT_TRUE(loop.runUntil([&] { return !failure.empty(); }));
    EXPECT_EQ(failure, "no luck");
}

TEST(WorkerPool, BeyondItsQueueLimitWorkIsRefusedAtOnceWithTheBusyError) {
    WorkerPool pool(1, 2);
    PollLoop loop;
    std::promise<void> release;
    const std::shared_future<void> released = release.get_future().share();
    std::atomic<int> started{0};
    int answered = 0;
    std::optional<ErrorKind> refusal;
    loop.inRound([&] {
        const auto blocked = [released, &started] {
            ++started;
            released.wait();
            return 1;
        };
        for (int i = 0; i < 4; ++i) {
            if (i == 1) {
                // The first job holds the only worker; two more fill the queue.
                while (started == 0) std::this_thread::sleep_for(1ms);
            }
            pool.run(blocked).settle([&](int) { ++answered; },
                                     [&](const std::exception_ptr& error) {
                                         try {
                                             std::rethrow_exception(error);
                                         } catch (const ServiceError& refused) {
                                             refusal = refused.kind();
                                         }
                                     });
        }
    });
    ASSERT_TRUE(refusal.has_value());  // refused inside run(), not later
    EXPECT_EQ(*refusal, ErrorKind::Busy);
    const WorkerPool::Load full = pool.load();
    EXPECT_EQ(full.threads, 1U);
    EXPECT_EQ(full.running, 1U);
    EXPECT_EQ(full.queued, 2U);
    EXPECT_EQ(full.refused, 1U);
    release.set_value();
    ASSERT_TRUE(loop.runUntil([&] { return answered == 3; }));
    EXPECT_EQ(pool.load().queued, 0U);
    EXPECT_EQ(pool.load().refused, 1U);
}

TEST(WorkerPool, AnAnswerForALoopThatIsGoneIsDropped) {
    std::promise<void> release;
    auto loop = std::make_unique<PollLoop>();
    const std::shared_ptr<Mailbox> mailbox = loop->inbox().mailbox();
    bool answered = false;
    {
        WorkerPool pool(1, 8);
        loop->inRound([&] {
            pool.run([released = release.get_future().share()] {
                    released.wait();
                    return 1;
                })
                .settle([&](int) { answered = true; }, [](const std::exception_ptr&) {});
        });
        loop.reset();
        release.set_value();
    }  // the pool finishes the job and joins: its answer is refused by the closed mailbox
    EXPECT_FALSE(answered);
    EXPECT_FALSE(mailbox->post([] {}));
}

TEST(WorkerPool, RunNeedsTheInboxOfARound) {
    WorkerPool pool(1, 8);
    EXPECT_THROW(pool.run([] { return 1; }), std::logic_error);
}

}  // namespace
}  // namespace users
