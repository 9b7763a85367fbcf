"""p50 / p99 latency of pgbench transactions (from -l logs) and transactions per second."""
import sys

files, duration = sys.argv[1:-1], float(sys.argv[-1])
lat = []
for f in files:
    for line in open(f):
        parts = line.split()
        if len(parts) >= 3:
            lat.append(int(parts[2]) / 1000.0)
lat.sort()
if not lat:
    print("nan nan 0")
else:
    pick = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]
    print(f"{pick(0.50):.2f} {pick(0.99):.2f} {len(lat) / duration:.0f}")
