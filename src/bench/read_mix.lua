-- The public read mix of the replication bench: lists, details, search, boards, stats.
local paths = {
  "/api/v1/papers?limit=20",
  "/api/v1/papers?year=2019..2023&sort=-year&limit=20",
  "/api/v1/methods/mace",
  "/api/v1/datasets/3bpa",
  "/api/v1/leaderboards/3bpa",
  "/api/v1/search?q=equivariant",
  "/api/v1/stats",
  "/api/v1/tags",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
-- Any answer that is not 2xx is printed with its body (a problem names its path in "instance").
response = function(status, headers, body)
  if status >= 300 then
    io.stderr:write(string.format("NON2XX %d %s\n", status, string.sub(body or "", 1, 300)))
  end
end
