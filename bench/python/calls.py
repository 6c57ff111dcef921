# Calls and recursion: naive Fibonacci and Ackermann-style mutual recursion. Argument: fib's n.
import sys

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

n = int(sys.argv[1]) if len(sys.argv) > 1 else 25
total = fib(n) + sum(1 for i in range(200) if is_even(i * 3))
print("calls", n, total)
