# Strings: formatting, joining, splitting, searching and replacing. Argument: count.
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
parts = []
for i in range(n):
    parts.append("item-%d:%s" % (i, hex(i * 2654435761 % 65536)))
text = ",".join(parts)
fields = text.split(",")
hits = sum(1 for f in fields if "ff" in f)
upper = text.upper().replace("ITEM", "x")
words = sum(len(f.split(":")[1]) for f in fields)
print("strings", n, len(text), hits, len(upper), words, text.count("-1"))
