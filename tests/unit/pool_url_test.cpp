#include <gtest/gtest.h>

#include "project/db/pool.hpp"

namespace users::db {
namespace {

using std::chrono::milliseconds;

TEST(PoolUrl, AddsAConnectTimeoutToUris) {
    EXPECT_EQ(withConnectTimeout("postgres://h/db", milliseconds(2000)),
              "postgres://h/db?connect_timeout=2");
    EXPECT_EQ(withConnectTimeout("postgresql://h/db?sslmode=require", milliseconds(4500)),
              "postgresql://h/db?sslmode=require&connect_timeout=5");
}

TEST(PoolUrl, AddsAConnectTimeoutToKeywordStrings) {
    EXPECT_EQ(withConnectTimeout("host=h dbname=db", milliseconds(100)),
              "host=h dbname=db connect_timeout=2");
}

TEST(PoolUrl, KeepsAnExplicitConnectTimeout) {
    EXPECT_EQ(withConnectTimeout("postgres://h/db?connect_timeout=9", milliseconds(2000)),
              "postgres://h/db?connect_timeout=9");
}

}  // namespace
}  // namespace users::db
