#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "tests/support/test_server.hpp"

namespace users::testing {
namespace {

// Sends this process's stdout to a file for the life of the object; lines() reads it back.
class StdoutCapture {
public:
    StdoutCapture() : saved_(::dup(STDOUT_FILENO)) {
        std::fflush(stdout);
        const int file = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(file, STDOUT_FILENO);
        ::close(file);
    }
    ~StdoutCapture() {
        restore();
        std::remove(path_.c_str());
    }
    StdoutCapture(const StdoutCapture&) = delete;
    StdoutCapture& operator=(const StdoutCapture&) = delete;

    std::vector<std::string> lines() {
        restore();
        std::ifstream file(path_);
        std::vector<std::string> result;
        for (std::string line; std::getline(file, line);) result.push_back(line);
        return result;
    }

private:
    void restore() {
        if (saved_ < 0) return;
        std::fflush(stdout);
        ::dup2(saved_, STDOUT_FILENO);
        ::close(saved_);
        saved_ = -1;
    }

    std::string path_ = "access_log_test." + std::to_string(::getpid()) + ".log";
    int saved_;
};

// An in-process server whose access log is on at info level, in the given format.
class AccessLogTest : public ::testing::Test {
protected:
    void SetUp() override {
        recreateTestDatabase();
        level_ = spdlog::default_logger()->level();
    }
    void TearDown() override { spdlog::set_level(level_); }

    std::vector<std::string> serveAndLog(LogFormat format) {
        StdoutCapture capture;
        Config config = testConfig();
        config.logFormat = format;
        spdlog::set_level(spdlog::level::info);
        {
            App app(config);
            app.start();
            HttpConnection connection(app.port());
            EXPECT_EQ(connection.request("GET", "/users/1", "", "X-Request-ID: find-1\r\n").status,
                      404);
            EXPECT_EQ(connection.request("GET", "/ping", "", "X-Request-ID: ping-2\r\n").status,
                      200);
            app.stop();
        }
        std::vector<std::string> access;
        for (const auto& line : capture.lines()) {
            if (line.find("find-1") != std::string::npos ||
                line.find("ping-2") != std::string::npos) {
                access.push_back(line);
            }
        }
        return access;
    }

    spdlog::level::level_enum level_ = spdlog::level::info;
};

TEST_F(AccessLogTest, JsonGivesOneObjectPerRequestWithEveryField) {
    const auto lines = serveAndLog(LogFormat::Json);
    ASSERT_EQ(lines.size(), 2U);
    rapidjson::Document line;
    line.Parse(lines[0].c_str());
    ASSERT_FALSE(line.HasParseError()) << lines[0];
    EXPECT_STREQ(line["type"].GetString(), "access");
    EXPECT_STREQ(line["level"].GetString(), "warning");
    EXPECT_STREQ(line["method"].GetString(), "GET");
    EXPECT_STREQ(line["path"].GetString(), "/users/1");
    EXPECT_STREQ(line["route"].GetString(), "/users/{id}");
    EXPECT_EQ(line["status"].GetInt(), 404);
    EXPECT_TRUE(line["duration_ms"].IsNumber());
    EXPECT_GT(line["bytes"].GetInt(), 0);
    EXPECT_STREQ(line["request_id"].GetString(), "find-1");
    EXPECT_TRUE(line["time"].IsString());

    line.Parse(lines[1].c_str());
    ASSERT_FALSE(line.HasParseError()) << lines[1];
    EXPECT_STREQ(line["level"].GetString(), "info");
    EXPECT_EQ(line["status"].GetInt(), 200);
}

TEST_F(AccessLogTest, TextIsOneReadableLinePerRequest) {
    const auto lines = serveAndLog(LogFormat::Text);
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_NE(lines[0].find(" warning GET /users/1 404 route=/users/{id} "), std::string::npos)
        << lines[0];
    EXPECT_NE(lines[0].find("id=find-1"), std::string::npos) << lines[0];
    EXPECT_NE(lines[1].find(" info GET /ping 200 route=/ping "), std::string::npos) << lines[1];
}

}  // namespace
}  // namespace users::testing
