-- Shared by every script: one JSON line with what the table needs, in milliseconds.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'BENCH {"requests": %d, "rps": %.1f, "p50_ms": %.3f, "p99_ms": %.3f, "errors": %d}\n',
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, failed))
end

-- Numbers each wrk thread so that generated emails never collide across threads.
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
end
