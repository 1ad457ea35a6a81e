#pragma once

#include <string>

namespace users {

// CMake's PROJECT_VERSION, and the git revision the build was configured from ("unknown" when
// the sources were not a git checkout, as in an image build without .git).
const char* buildVersion();
const char* buildRevision();

// "<program> 1.0.0 (revision 0a1b2c3d4e5f)": what --version prints, in the form help2man reads.
std::string versionLine(const std::string& program);

}  // namespace users
