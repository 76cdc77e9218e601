-- Paces each connection: after every response wrk waits DELAY_MS (default 20) before the next request.
local delay_ms = tonumber(os.getenv("DELAY_MS") or "20")
function delay()
  return delay_ms
end
function done(summary, latency, requests)
  io.write(string.format("rate: %.1f requests/s, errors: %d non-2xx/3xx, %d socket\n",
    summary.requests / (summary.duration / 1e6), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("p%d: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
