#include "project/http/access_log.hpp"

#include "project/json_escape.hpp"
#include "project/logging.hpp"

namespace users::http {

AccessLog::AccessLog(LogFormat format) : format_(format), logger_(makeAccessLogger(format)) {}

void AccessLog::write(const AccessRecord& record) const {
    const auto level = record.status >= 500   ? spdlog::level::err
                       : record.status >= 400 ? spdlog::level::warn
                                              : spdlog::level::info;
    if (!logger_->should_log(level)) return;
    const double ms = std::chrono::duration<double, std::milli>(record.elapsed).count();
    if (format_ == LogFormat::Json) {
        logger_->log(level,
                     R"("method":"{}","path":"{}","route":"{}","status":{},"duration_ms":{:.3f},)"
                     R"("bytes":{},"request_id":"{}")",
                     record.method, jsonEscaped(record.path), jsonEscaped(record.route),
                     record.status, ms, record.bytes, record.requestId);
    } else {
        logger_->log(level, "{} {} {} route={} {:.2f}ms {}B id={}", record.method, record.path,
                     record.status, record.route, ms, record.bytes, record.requestId);
    }
}

}  // namespace users::http
