-- One measurement for wrk: the request comes from the environment, the figures go to a JSON file.
--   BENCH_METHOD   GET (default) or POST
--   BENCH_PATH     the path; "{id}" is replaced by a random ticket number from 1 to BENCH_MAX_ID
--   BENCH_HEADER   one header line, "Name: value" (the sign-in cookie or the API token)
--   BENCH_BODY     a JSON body for POST
--   BENCH_OUT      where done() writes {"p50_ms","p95_ms","p99_ms","rps","requests","errors"}
local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local max_id = tonumber(os.getenv("BENCH_MAX_ID") or "1")
local header = os.getenv("BENCH_HEADER")
local body = os.getenv("BENCH_BODY")
local out = os.getenv("BENCH_OUT")

local headers = {}
if header and header ~= "" then
  local name, value = header:match("^([^:]+):%s*(.*)$")
  headers[name] = value
end
if body and body ~= "" then
  headers["Content-Type"] = "application/json"
end

local counter = 0
function init(args)
  math.randomseed(os.time() + counter * 7919 + math.floor(os.clock() * 1000000))
  counter = counter + 1
end

function request()
  local p = path
  if p:find("{id}", 1, true) then
    p = p:gsub("{id}", tostring(math.random(1, max_id)))
  end
  return wrk.format(method, p, headers, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local text = string.format(
    '{"p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "rps": %.1f, "requests": %d, "errors": %d}',
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    (summary.requests - errors) / seconds, summary.requests, errors)
  if out then
    local file = assert(io.open(out, "w"))
    file:write(text .. "\n")
    file:close()
  end
  io.write(text .. "\n")
end
