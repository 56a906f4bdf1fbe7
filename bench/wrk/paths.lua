-- wrk script of bench/run: requests the paths in WRK_PATHS (space-separated) in turn, each thread
-- from its own starting point, and writes a JSON summary to WRK_OUT when done.
local paths = {}
for p in string.gmatch(os.getenv("WRK_PATHS") or "/", "%S+") do
  paths[#paths + 1] = p
end
local counter = 0

function init(args)
  counter = math.random(#paths) - 1
end

function request()
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local out = os.getenv("WRK_OUT")
  if not out or out == "" then return end
  local f = io.open(out, "w")
  local seconds = summary.duration / 1e6
  local e = summary.errors
  f:write(string.format(
    '{"requests":%d,"seconds":%.2f,"rps":%.1f,"bytesPerRequest":%.0f,' ..
    '"p50ms":%.2f,"p90ms":%.2f,"p99ms":%.2f,"maxms":%.2f,"meanms":%.2f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, seconds, summary.requests / seconds,
    summary.requests > 0 and summary.bytes / summary.requests or 0,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
  f:close()
end
