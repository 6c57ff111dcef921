# Dicts: inserting, looking up, updating and deleting keys of ints and strings. Argument: count.
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
d = {}
for i in range(n):
    d[i * 7 % n] = i
counts = {}
for i in range(n):
    key = "k" + str(i % 1000)
    counts[key] = counts.get(key, 0) + d.get(i, 0) % 10
for i in range(0, n, 3):
    del d[i * 7 % n]
total = sum(d.values()) + sum(counts.values()) + len(d)
print("dicts", n, total)
