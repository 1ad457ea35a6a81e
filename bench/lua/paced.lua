-- GET BENCH_PATH ("{id}" becomes a random user's id) with every connection waiting
-- BENCH_GAP_MS between an answer and its next request: wrk's delay hook takes whole
-- milliseconds, so each wait is drawn to make the mean right. bench/run picks the wait that
-- holds the rate it wants.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local users = tonumber(os.getenv("BENCH_USERS"))
local gap = tonumber(os.getenv("BENCH_GAP_MS"))
local path = os.getenv("BENCH_PATH")
function delay()
  local whole = math.floor(gap)
  if math.random() < gap - whole then return whole + 1 end
  return whole
end
function request()
  return wrk.format("GET", (path:gsub("{id}", tostring(math.random(1, users)))))
end
