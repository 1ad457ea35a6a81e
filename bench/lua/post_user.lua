dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local sent = 0
function request()
  sent = sent + 1
  local email = string.format("post-%s-%d-%d@bench.io", os.getenv("BENCH_RUN"), thread_id, sent)
  return wrk.format("POST", "/users", {["Content-Type"] = "application/json"},
    '{"username": "bench", "email": "' .. email .. '"}')
end
