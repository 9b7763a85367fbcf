-- Search in one mode with a different query on every request, so that no query vector comes from
-- the service's cache of recent queries: the judged queries of search-eval/queries.tsv, each with
-- a different pattern of upper-case letters (the model and the keyword analyser both lower-case,
-- so every variant costs a real embedding and the same keyword work).
-- Usage: wrk ... -s search_modes.lua <url> -- <mode> [queries.tsv]
local queries = {}
local mode = "hybrid"
local n = 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function variant(q, k)
  local out, bit = {}, 0
  for i = 1, #q do
    local c = q:sub(i, i)
    if c:match("%a") then
      if math.floor(k / 2 ^ bit) % 2 == 1 then c = c:upper() else c = c:lower() end
      bit = bit + 1
    end
    out[#out + 1] = c
  end
  return table.concat(out)
end

init = function(args)
  mode = args[1] or mode
  local file = args[2] or "src/bench/search-eval/queries.tsv"
  local first = true
  for line in io.lines(file) do
    if not first then
      local q = line:match("^[^\t]*\t[^\t]*\t(.*)$")
      if q then queries[#queries + 1] = q end
    end
    first = false
  end
end

request = function()
  n = n + 1
  local q = variant(queries[(n % #queries) + 1], math.floor(n / #queries) + 1)
  return wrk.format("GET", "/api/v1/search?type=paper&limit=10&mode=" .. mode .. "&q=" .. urlencode(q))
end

-- One machine-readable line, as report.lua: p50 ms, p99 ms, requests per second.
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.2f %.2f %.0f\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
