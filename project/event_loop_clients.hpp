#pragma once

#include <memory>
#include <utility>
#include <vector>

#include "project/event_loop.hpp"

namespace users {

// Several clients of one loop as one (a reactor thread's engine and inbox): each hears every
// event and ignores the sockets that are not its own. At most one of them may use wakeAt.
class EventLoopClients : public EventLoopClient {
public:
    void add(std::unique_ptr<EventLoopClient> client) { clients_.push_back(std::move(client)); }

    void enterRound() override {
        for (const auto& client : clients_) client->enterRound();
    }
    void leaveRound() override {
        for (const auto& client : clients_) client->leaveRound();
    }
    void onSocket(int fd, bool readable, bool writable) override {
        for (const auto& client : clients_) client->onSocket(fd, readable, writable);
    }
    void onTimer() override {
        for (const auto& client : clients_) client->onTimer();
    }
    void flush() override {
        for (const auto& client : clients_) client->flush();
    }

private:
    std::vector<std::unique_ptr<EventLoopClient>> clients_;
};

}  // namespace users
