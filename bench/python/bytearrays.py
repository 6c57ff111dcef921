# Loops over bytearrays: a sieve of Eratosthenes and a byte checksum. Argument: limit.
import sys

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
composite = bytearray(limit + 1)
count = 0
for i in range(2, limit + 1):
    if not composite[i]:
        count += 1
        for j in range(i * i, limit + 1, i):
            composite[j] = 1
checksum = 0
for b in composite:
    checksum = (checksum * 31 + b) & 0xFFFFFFFF
print("bytearrays", limit, count, checksum)
