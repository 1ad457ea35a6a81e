#include <unistd.h>
#include <filesystem>
#include <fstream>

#include "tests/support/gunzip.hpp"
#include "tests/support/test_server.hpp"

namespace users::testing {
namespace {

class ApiDocs : public ServerTest {
protected:
    void configure(Config& config) override { config.swaggerUiDir = "/nonexistent/swagger-ui"; }
};

TEST_F(ApiDocs, ServesTheOpenApiDocumentAtBothAddresses) {
    const HttpResponse openapi = call("GET", "/openapi.json");
    EXPECT_EQ(openapi.status, 200);
    EXPECT_EQ(openapi.header("content-type"), "application/json");
    const auto document = openapi.json();
    EXPECT_STREQ(document["openapi"].GetString(), "3.0.3");
    EXPECT_STREQ(document["info"]["title"].GetString(), "Users API");
    EXPECT_TRUE(document["paths"]["/users/{id}"].HasMember("delete"));
    EXPECT_FALSE(document["paths"].HasMember("/doc"));
    EXPECT_EQ(call("GET", "/swagger.json").body, openapi.body);
}

TEST_F(ApiDocs, DocWithoutAssetsSaysSoInJson) {
    const HttpResponse moved = call("GET", "/doc");
    EXPECT_EQ(moved.status, 301);
    EXPECT_EQ(moved.header("location"), "/doc/");
    for (const char* path : {"/doc/", "/doc/swagger-ui.css"}) {
        const HttpResponse response = call("GET", path);
        EXPECT_EQ(response.status, 503) << path;
        EXPECT_EQ(response.header("content-type"), "application/json") << path;
        EXPECT_TRUE(response.json().HasMember("message")) << path;
    }
}

class ApiDocsWithAssets : public ServerTest {
protected:
    void configure(Config& config) override {
        directory_ = std::filesystem::temp_directory_path() /
                     ("swagger-ui-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(directory_);
        std::ofstream(directory_ / "swagger-ui-bundle.js") << "var bundle;";
        std::ofstream(directory_ / "favicon-32x32.png") << "PNG";
        std::ofstream(directory_ / "swagger-ui.css") << "body {}";
        config.swaggerUiDir = directory_.string();
    }
    void TearDown() override {
        ServerTest::TearDown();
        std::filesystem::remove_all(directory_);
    }
    std::filesystem::path directory_;
};

TEST_F(ApiDocsWithAssets, ServesThePageAndFilesWithTypesAndCaching) {
    const HttpResponse page = call("GET", "/doc/");
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(page.header("cache-control"), "no-cache");
    EXPECT_NE(page.body.find("swagger-ui-bundle.js"), std::string::npos);
    const HttpResponse bundle = call("GET", "/doc/swagger-ui-bundle.js");
    EXPECT_EQ(bundle.body, "var bundle;");
    EXPECT_EQ(bundle.header("content-type"), "application/javascript; charset=utf-8");
    EXPECT_EQ(bundle.header("cache-control"), "public, max-age=86400");
    EXPECT_EQ(call("GET", "/doc/swagger-ui.css").header("content-type"), "text/css; charset=utf-8");
    EXPECT_NE(call("GET", "/doc/swagger-initializer.js").body.find("../openapi.json"),
              std::string::npos);
    EXPECT_EQ(call("GET", "/doc/favicon-16x16.png").status, 404);
    EXPECT_EQ(call("GET", "/doc/favicon-32x32.png").body, "PNG");
    EXPECT_EQ(call("GET", "/doc/package.json").status, 404);
}

TEST_F(ApiDocsWithAssets, SendsTextFilesGzippedToClientsThatAcceptIt) {
    HttpConnection connection(port());
    for (const char* path : {"/doc/swagger-ui-bundle.js", "/doc/swagger-ui.css"}) {
        const HttpResponse plain = call("GET", path);
        const HttpResponse gzipped =
            connection.request("GET", path, "", "Accept-Encoding: gzip, deflate, br\r\n");
        ASSERT_EQ(gzipped.status, 200) << path;
        EXPECT_EQ(gzipped.header("content-encoding"), "gzip") << path;
        EXPECT_EQ(gzipped.header("vary"), "Accept-Encoding") << path;
        EXPECT_EQ(gzipped.header("content-type"), plain.header("content-type")) << path;
        EXPECT_EQ(gzipped.header("cache-control"), "public, max-age=86400") << path;
        EXPECT_NE(gzipped.body, plain.body) << path;
        EXPECT_EQ(gunzip(gzipped.body), plain.body) << path;
        // Without Accept-Encoding, or with gzip refused, the file is sent as it is.
        EXPECT_EQ(plain.header("content-encoding"), "") << path;
        EXPECT_EQ(plain.header("vary"), "Accept-Encoding") << path;
        const HttpResponse refused =
            connection.request("GET", path, "", "Accept-Encoding: br, gzip;q=0\r\n");
        EXPECT_EQ(refused.header("content-encoding"), "") << path;
        EXPECT_EQ(refused.body, plain.body) << path;
    }
    // Our small pages and the PNGs are never compressed.
    for (const char* path : {"/doc/", "/doc/swagger-initializer.js", "/doc/favicon-32x32.png"}) {
        const HttpResponse page = connection.request("GET", path, "", "Accept-Encoding: gzip\r\n");
        EXPECT_EQ(page.status, 200) << path;
        EXPECT_EQ(page.header("content-encoding"), "") << path;
    }
}

}  // namespace
}  // namespace users::testing
