dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local users = tonumber(os.getenv("BENCH_USERS"))
function request()
  return wrk.format("GET", "/users/" .. math.random(1, users))
end
