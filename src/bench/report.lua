-- Prints one machine-readable line: p50 ms, p99 ms, requests per second.
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.2f %.2f %.0f\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
