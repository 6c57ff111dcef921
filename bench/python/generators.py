# Generators: pipelines of generator functions and expressions. Argument: count.
import sys

def numbers(n):
    for i in range(n):
        yield i

def squares(source):
    for x in source:
        yield x * x

def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
total = sum(evens(squares(numbers(n))))
total += sum(x % 7 for x in numbers(n))
print("generators", n, total)
