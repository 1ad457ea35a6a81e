#include "project/logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "project/json_escape.hpp"

namespace users {
namespace {

constexpr const char* kTextPattern = "%Y-%m-%dT%H:%M:%S.%eZ %l %v";
constexpr const char* kJsonPattern =
    R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","message":"%*"})";
constexpr const char* kJsonAccessPattern =
    R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","type":"access",%v})";

// %*: the message escaped for use inside a JSON string.
class EscapedMessage : public spdlog::custom_flag_formatter {
public:
    void format(const spdlog::details::log_msg& message, const std::tm& /*time*/,
                spdlog::memory_buf_t& dest) override {
        const std::string escaped =
            jsonEscaped(std::string_view(message.payload.data(), message.payload.size()));
        dest.append(escaped.data(), escaped.data() + escaped.size());
    }
    std::unique_ptr<custom_flag_formatter> clone() const override {
        return std::make_unique<EscapedMessage>();
    }
};

std::unique_ptr<spdlog::formatter> formatter(const char* pattern) {
    auto result = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
    result->add_flag<EscapedMessage>('*').set_pattern(pattern);
    return result;
}

}  // namespace

void setupLogging(spdlog::level::level_enum level, LogFormat format) {
    auto logger = spdlog::stdout_logger_mt("users");
    logger->set_formatter(formatter(format == LogFormat::Json ? kJsonPattern : kTextPattern));
    logger->set_level(level);
    logger->flush_on(level);
    spdlog::set_default_logger(logger);
}

std::shared_ptr<spdlog::logger> makeAccessLogger(LogFormat format) {
    // Formatters belong to sinks, so it gets a sink of its own; stdout sinks share one mutex.
    const auto& base = spdlog::default_logger();
    auto logger = std::make_shared<spdlog::logger>(
        "access", std::make_shared<spdlog::sinks::stdout_sink_mt>());
    logger->set_formatter(formatter(format == LogFormat::Json ? kJsonAccessPattern : kTextPattern));
    logger->set_level(base->level());
    logger->flush_on(base->flush_level());
    return logger;
}

}  // namespace users
