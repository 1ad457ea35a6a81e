#pragma once

#include <cstdint>

namespace users::http {

// Pistache 0.0.5 keeps its listening socket private and can only stop it together with the
// worker threads, which drops the answers they have queued. These let a stop close the listener
// first and drain the workers afterwards.

// The descriptor of this process's listening TCP socket bound to `port`, or -1.
int findListeningSocket(std::uint16_t port);

// Stops listening on `fd` (new connects are refused) without freeing the descriptor number:
// a placeholder socket takes it over, so that Pistache's own close() later closes that one and
// never a descriptor opened meanwhile. The listener's poller forgets the socket with it.
bool stopListening(int fd);

}  // namespace users::http
