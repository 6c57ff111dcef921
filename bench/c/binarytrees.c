/* binary-trees: allocation-heavy tree building and walking with malloc/free. Argument: max depth. */
#include <stdio.h>
#include <stdlib.h>

typedef struct Node { struct Node *left, *right; } Node;

static Node *make(int depth) {
    Node *n = malloc(sizeof(Node));
    if (depth > 0) { n->left = make(depth - 1); n->right = make(depth - 1); } else { n->left = n->right = NULL; }
    return n;
}
static long check(const Node *n) { return 1 + (n->left ? check(n->left) + check(n->right) : 0); }
static void release(Node *n) { if (n->left) { release(n->left); release(n->right); } free(n); }

int main(int argc, char **argv) {
    int maxDepth = argc > 1 ? atoi(argv[1]) : 16;
    if (maxDepth < 6) maxDepth = 6;
    long total = 0;
    Node *stretch = make(maxDepth + 1);
    total += check(stretch);
    release(stretch);
    Node *longLived = make(maxDepth);
    for (int d = 4; d <= maxDepth; d += 2) {
        int iterations = 1 << (maxDepth - d + 4);
        long c = 0;
        for (int i = 0; i < iterations; i++) { Node *t = make(d); c += check(t); release(t); }
        total += c;
    }
    total += check(longLived);
    release(longLived);
    printf("binarytrees %d: %ld nodes checked\n", maxDepth, total);
    return 0;
}
