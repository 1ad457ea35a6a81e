#pragma once

#include <chrono>
#include <memory>
#include <string_view>

#include <spdlog/logger.h>

#include "project/config.hpp"

namespace users::http {

struct AccessRecord {
    std::string_view method;
    std::string_view path;
    std::string_view route;  // the matched template, or "-"
    int status;
    std::chrono::steady_clock::duration elapsed;
    std::size_t bytes;
    std::string_view requestId;
};

// One line per request: 2xx/3xx at info, 4xx at warn, 5xx at error; text or JSON.
class AccessLog {
public:
    explicit AccessLog(LogFormat format);
    void write(const AccessRecord& record) const;

private:
    LogFormat format_;
    std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace users::http
