dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local users = tonumber(os.getenv("BENCH_USERS"))
local sent = 0
function request()
  sent = sent + 1
  local email = string.format("put-%s-%d-%d@bench.io", os.getenv("BENCH_RUN"), thread_id, sent)
  return wrk.format("PUT", "/users/" .. math.random(1, users),
    {["Content-Type"] = "application/json"}, '{"username": "put", "email": "' .. email .. '"}')
end
