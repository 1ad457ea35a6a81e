#include "project/cpu_quota.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>

namespace users {
namespace {

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\n");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\n") - first + 1);
}

std::optional<long long> number(std::string_view text) {
    text = trimmed(text);
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<double> ratio(std::optional<long long> quota, std::optional<long long> period) {
    if (!quota || !period || *quota <= 0 || *period <= 0) return std::nullopt;
    return static_cast<double>(*quota) / static_cast<double>(*period);
}

std::optional<std::string> readFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

std::optional<double> cpuQuotaFromCpuMax(std::string_view cpuMax) {
    cpuMax = trimmed(cpuMax);
    const auto space = cpuMax.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    // "max 100000": no limit; number() refuses "max".
    return ratio(number(cpuMax.substr(0, space)), number(cpuMax.substr(space + 1)));
}

std::optional<double> cpuQuotaFromCfs(std::string_view quotaUs, std::string_view periodUs) {
    return ratio(number(quotaUs), number(periodUs));
}

unsigned usableCpus(std::optional<double> quota, unsigned hardwareConcurrency) {
    const unsigned cores = std::max(1U, hardwareConcurrency);
    if (!quota) return cores;
    const auto allowed = static_cast<unsigned>(std::max(1.0, std::ceil(*quota)));
    return std::min(cores, allowed);
}

std::optional<double> cgroupCpuQuota(const std::string& cgroupRoot) {
    if (auto cpuMax = readFile(cgroupRoot + "/cpu.max")) return cpuQuotaFromCpuMax(*cpuMax);
    for (const char* controller : {"/cpu", "/cpu,cpuacct"}) {
        const std::string directory = cgroupRoot + controller;
        auto quota = readFile(directory + "/cpu.cfs_quota_us");
        auto period = readFile(directory + "/cpu.cfs_period_us");
        if (quota && period) return cpuQuotaFromCfs(*quota, *period);
    }
    return std::nullopt;
}

unsigned availableCpus() {
    return usableCpus(cgroupCpuQuota(), std::thread::hardware_concurrency());
}

}  // namespace users
