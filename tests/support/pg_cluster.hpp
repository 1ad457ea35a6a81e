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
// SIGSTOP / SIGCONT to the postmaster and every process it started: a database that holds
// connections open and answers nothing, as a frozen VM or a stalled disk does.
void clusterFreeze();
void clusterThaw();

}  // namespace users::testing
