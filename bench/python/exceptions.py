# Exceptions: raising and catching, try/finally, and exceptions as control flow. Argument: count.
import sys

class Odd(Exception):
    pass

def check(i):
    if i % 2:
        raise Odd(i)
    return i

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
caught = 0
cleaned = 0
for i in range(n):
    try:
        try:
            caught += check(i)
        finally:
            cleaned += 1
    except Odd as e:
        caught -= e.args[0]
    try:
        {}[i]
    except KeyError:
        caught += 1
print("exceptions", n, caught, cleaned)
