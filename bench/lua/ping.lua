dofile(os.getenv("BENCH_LUA") .. "/report.lua")
wrk.path = "/ping"
