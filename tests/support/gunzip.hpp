#pragma once

#include <string>

namespace users::testing {

// Inflates a gzip stream (up to 1 MiB), failing the test when it is not one.
std::string gunzip(const std::string& compressed);

}  // namespace users::testing
