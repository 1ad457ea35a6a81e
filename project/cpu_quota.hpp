#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace users {

// The CPU quota of a container, in CPUs (1.5 = one and a half), from the cgroup files' text:
// v2 cpu.max is "<quota> <period>" or "max <period>"; v1 has cpu.cfs_quota_us (-1: none) and
// cpu.cfs_period_us. Nothing when no quota is set or the text is not understood.
std::optional<double> cpuQuotaFromCpuMax(std::string_view cpuMax);
std::optional<double> cpuQuotaFromCfs(std::string_view quotaUs, std::string_view periodUs);

// The CPUs this process may use: the quota rounded up (at least 1), never more than the cores.
unsigned usableCpus(std::optional<double> quota, unsigned hardwareConcurrency);

// Reads the quota under `cgroupRoot` (v2 first, then the v1 cpu controller).
std::optional<double> cgroupCpuQuota(const std::string& cgroupRoot = "/sys/fs/cgroup");

// usableCpus for this process: the cgroup quota and std::thread::hardware_concurrency().
unsigned availableCpus();

}  // namespace users
