-- wrk script of province-wrk.sh. Run it with as many threads as connections (-tN -cN): wrk's Lua state is per
-- thread, so each thread paces its one connection.
--   RATE (requests/s, all connections together; 0 or unset = as fast as the server answers): each connection sends
--     its k-th request at start + k × CONNS / RATE (wall clock through LuaJIT's ffi: wrk's Lua has no clock of its
--     own), so the offered load is fixed rather than shrinking as latency grows, as long as a request takes less
--     than its connection's interval.
--   TASKS (a file of task ids, one a line) and PREFIX (/t/{unit}/api/tasks/): POST a progress update to
--     PREFIX{id}/progress instead of the command line's URL, one task after another from a different offset in
--     each thread, with a percent that changes at every post, so each request is a real, valid update.
-- done() prints the achieved rate, non-2xx/3xx and socket errors, and p50/p90/p99.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } cc_timespec;
  int clock_gettime(int clk_id, cc_timespec *tp);
]]
local function now_ms()
  local t = ffi.new("cc_timespec")
  ffi.C.clock_gettime(1, t) -- CLOCK_MONOTONIC
  return tonumber(t.tv_sec) * 1000 + tonumber(t.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("RATE") or "0")
local conns = tonumber(os.getenv("CONNS") or "1")
local interval = rate > 0 and conns * 1000 / rate or 0
local next_at = nil

local tasks, prefix = {}, os.getenv("PREFIX")
local tasks_file = os.getenv("TASKS")
if tasks_file then
  for line in io.lines(tasks_file) do if #line > 0 then tasks[#tasks + 1] = line end end
end
local counter = 0
local thread_number = 0

function setup(thread)
  thread:set("thread_offset", thread_number)
  thread_number = thread_number + 1
end

function init(args)
  counter = (thread_offset or 0) * 7919
end

function delay()
  if interval == 0 then return 0 end
  local t = now_ms()
  if next_at == nil then next_at = t else next_at = next_at + interval end
  if next_at < t - interval then next_at = t end -- fell behind: carry on at the rate, without a burst to catch up
  local wait = next_at - t
  return wait > 0 and wait or 0
end

function request()
  if #tasks == 0 then return wrk.format(nil) end
  counter = counter + 1
  local id = tasks[(counter % #tasks) + 1]
  local percent = 10 + (counter % 9) * 10
  local body = string.format('{"text":"Cập nhật tiến độ đo hiệu năng %d%%","percent":%d}', percent, percent)
  local headers = { ["Content-Type"] = "application/json" }
  for name, value in pairs(wrk.headers) do headers[name] = value end
  return wrk.format("POST", prefix .. id .. "/progress", headers, body)
end

function done(summary, latency, requests)
  io.write(string.format("rate: %.1f requests/s, errors: %d non-2xx/3xx, %d socket\n",
    summary.requests / (summary.duration / 1e6), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
