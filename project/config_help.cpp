#include "project/config.hpp"

namespace users {

// Kept beside the parser's defaults (config.cpp): the unit tests compare both.
std::string configurationHelp() {
    return "  APP_SETTINGS         development, testing or production (default: development)\n"
           "  DATABASE_URL         libpq URI or key=value string (required), e.g.\n"
           "                       postgres://user:pass@host:5432/users?sslmode=require\n"
           "  DATABASE_TEST_URL    used instead of DATABASE_URL when APP_SETTINGS=testing\n"
           "                       (required then)\n"
           "  PORT                 listening port, 0 for any free port (default: 5000)\n"
           "  HOST                 listening address (default: 0.0.0.0)\n"
           "  LOG_LEVEL            trace, debug, info, warn, error, critical or off\n"
           "                       (default: info)\n"
           "  LOG_FORMAT           text for people, json for log shippers (default: text)\n"
           "  HTTP_THREADS         reactor threads, 1-256 (default: the CPUs available, the\n"
           "                       cgroup CPU quota when one is set, else the cores; at most\n"
           "                       DB_POOL_SIZE)\n"
           "  DB_POOL_SIZE         database connections, shared out among the threads, at\n"
           "                       least HTTP_THREADS, 1-512 (default: 2 x HTTP_THREADS); keep\n"
           "                       instances x DB_POOL_SIZE plus manage runs within the\n"
           "                       database's connection limit\n"
           "  DB_MAX_IN_FLIGHT     statements in flight per thread before further ones are\n"
           "                       refused with 503, 1-100000 (default: 256)\n"
           "  DB_TIMEOUT_MS        a statement's deadline (503 after it; the connection is\n"
           "                       replaced) and the connect timeout, 100-60000 (default: 2000)\n"
           "  WORKER_THREADS       threads for work no reactor waits on (each chunk of a\n"
           "                       streamed list's JSON), 1-256 (default: the CPUs available,\n"
           "                       as for HTTP_THREADS)\n"
           "  WORKER_QUEUE_LIMIT   jobs waiting for a worker before further ones are refused\n"
           "                       with 503, 1-100000 (default: 256)\n"
           "  SHUTDOWN_TIMEOUT_MS  on SIGTERM, how long answers still being produced may\n"
           "                       take before the server stops, 0-600000 (default: 10000)\n"
           "  WRITE_TIMEOUT_MS     how long a client may leave an answer unread (or a dead\n"
           "                       peer unacknowledged) before its connection is dropped,\n"
           "                       1000-600000 (default: 30000)\n"
           "  CORS_ORIGINS         * or a comma list of origins such as\n"
           "                       https://app.example.com (default: *)\n"
           "  SWAGGER_UI_DIR       where the Swagger UI files are (default:\n"
           "                       swagger-ui/node_modules/swagger-ui-dist)\n"
           "  METRICS_ENABLED      true, false, 1 or 0; false removes /metrics (default: true)\n";
}

}  // namespace users
