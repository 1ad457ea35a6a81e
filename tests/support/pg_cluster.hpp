#pragma once

#include <string>

namespace users::testing {

// The test command's PostgreSQL cluster (TEST_PG_CLUSTER_DIR, TEST_PG_PORT), driven through
// scripts/pg-cluster. Each throws std::runtime_error when the script fails.
void clusterStop(const std::string& mode = "fast");
void clusterKill();
// Starts with fsync=off and synchronous_commit on, so a commit is on disk before it is
// acknowledged; retries while the backends of a killed cluster are still exiting.
void clusterStart();

}  // namespace users::testing
