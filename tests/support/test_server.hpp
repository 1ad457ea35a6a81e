#pragma once

#include <memory>

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include "project/app.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/test_database.hpp"

namespace users::testing {

// Functional tests: a fresh schema, then the real server from the app factory on port 0.
class ServerTest : public ::testing::Test {
protected:
    void SetUp() override {
        recreateTestDatabase();
        Config config = testConfig();
        configure(config);
        spdlog::set_level(config.logLevel);
        app_ = std::make_unique<App>(config);
        app_->start();
    }
    void TearDown() override { app_->stop(); }
    // For fixtures that need other settings than the test environment's.
    virtual void configure(Config&) {}

    std::uint16_t port() const { return app_->port(); }
    HttpResponse call(const std::string& method, const std::string& path,
                      const std::string& body = "") const {
        return httpRequest(port(), method, path, body);
    }

    std::unique_ptr<App> app_;
};

}  // namespace users::testing
