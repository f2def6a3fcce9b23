-- wrk script for bench/orders: every request creates one order (three cargo lines) through
-- POST /api/v1/orders with its own Idempotency-Key, as an e-commerce integration would.
-- Reads BENCH_TOKEN, BENCH_BODY and BENCH_RUN from the environment.
local threads = {}

function setup(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token = os.getenv("BENCH_TOKEN")
  body = os.getenv("BENCH_BODY")
  run = os.getenv("BENCH_RUN")
  counter = 0
end

function request()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = run .. "-" .. thread_number .. "-" .. counter,
  }
  return wrk.format("POST", "/api/v1/orders", headers, body)
end
