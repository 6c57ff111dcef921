# Objects: creating instances, attribute access, method calls and a small class hierarchy. Argument: count.
import sys

class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def dot(self, other):
        return self.x * other.x + self.y * other.y

class Shape:
    def __init__(self, size):
        self.size = size
    def area(self):
        return 0

class Square(Shape):
    def area(self):
        return self.size * self.size

class Triangle(Shape):
    def area(self):
        return self.size * self.size // 2

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
acc = Vec(0, 0)
areas = 0
for i in range(n):
    v = Vec(i % 7, i % 11)
    acc = acc.add(v)
    s = Square(i % 13) if i & 1 else Triangle(i % 17)
    areas += s.area() + v.dot(acc) % 5
print("objects", n, acc.x, acc.y, areas)
