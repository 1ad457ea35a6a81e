#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "project/config.hpp"
#include "project/cpu_quota.hpp"

namespace users {
namespace {

TEST(CpuQuota, ReadsCgroupV2CpuMax) {
    EXPECT_EQ(cpuQuotaFromCpuMax("200000 100000\n"), 2.0);
    EXPECT_EQ(cpuQuotaFromCpuMax("150000 100000"), 1.5);
    EXPECT_EQ(cpuQuotaFromCpuMax("50000 100000\n"), 0.5);
    EXPECT_EQ(cpuQuotaFromCpuMax("max 100000\n"), std::nullopt);
    for (const char* broken : {"", "\n", "100000", "abc 100000", "100000 0", "-1 100000",
                               "100000 100000 7", "1e5 100000"}) {
        EXPECT_EQ(cpuQuotaFromCpuMax(broken), std::nullopt) << broken;
    }
}

TEST(CpuQuota, ReadsCgroupV1CfsFiles) {
    EXPECT_EQ(cpuQuotaFromCfs("300000\n", "100000\n"), 3.0);
    EXPECT_EQ(cpuQuotaFromCfs("25000", "100000"), 0.25);
    EXPECT_EQ(cpuQuotaFromCfs("-1\n", "100000\n"), std::nullopt);
    EXPECT_EQ(cpuQuotaFromCfs("100000", "0"), std::nullopt);
    EXPECT_EQ(cpuQuotaFromCfs("many", "100000"), std::nullopt);
}

TEST(CpuQuota, RoundsTheQuotaUpAndNeverExceedsTheCores) {
    EXPECT_EQ(usableCpus(std::nullopt, 8), 8U);
    EXPECT_EQ(usableCpus(std::nullopt, 0), 1U);  // hardware_concurrency() may not know
    EXPECT_EQ(usableCpus(2.0, 8), 2U);
    EXPECT_EQ(usableCpus(1.5, 8), 2U);
    EXPECT_EQ(usableCpus(0.25, 8), 1U);
    EXPECT_EQ(usableCpus(16.0, 4), 4U);
}

TEST(CpuQuota, DefaultThreadsAreOnePerCpu) {
    EXPECT_EQ(defaultHttpThreads(0), 1U);
    EXPECT_EQ(defaultHttpThreads(1), 1U);
    EXPECT_EQ(defaultHttpThreads(3), 3U);
    EXPECT_EQ(defaultHttpThreads(300), 256U);  // HTTP_THREADS' own upper bound
}

class CgroupFiles : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = std::filesystem::temp_directory_path() /
                ("cgroup-test-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(root_);
    }
    void TearDown() override { std::filesystem::remove_all(root_); }
    void write(const std::string& path, const std::string& text) {
        std::filesystem::create_directories((root_ / path).parent_path());
        std::ofstream(root_ / path) << text;
    }
    std::filesystem::path root_;
};

TEST_F(CgroupFiles, PrefersV2ThenTheV1Controllers) {
    EXPECT_EQ(cgroupCpuQuota(root_.string()), std::nullopt);
    write("cpu,cpuacct/cpu.cfs_quota_us", "100000\n");
    write("cpu,cpuacct/cpu.cfs_period_us", "100000\n");
    EXPECT_EQ(cgroupCpuQuota(root_.string()), 1.0);
    write("cpu/cpu.cfs_quota_us", "-1\n");
    write("cpu/cpu.cfs_period_us", "100000\n");
    EXPECT_EQ(cgroupCpuQuota(root_.string()), std::nullopt);
    write("cpu.max", "250000 100000\n");
    EXPECT_EQ(cgroupCpuQuota(root_.string()), 2.5);
}

TEST(CpuQuota, TheDefaultsFollowThisMachine) {
    const Config config = Config::fromEnvironment({{"DATABASE_URL", "dbname=x"}});
    EXPECT_EQ(config.httpThreads, defaultHttpThreads(availableCpus()));
    EXPECT_EQ(config.poolSize, 2 * config.httpThreads);
    EXPECT_GE(availableCpus(), 1U);
}

}  // namespace
}  // namespace users
