/* interp: a stack-machine bytecode interpreter, one big switch in a loop (the shape of CPython's eval
 * loop), running a program that sums Collatz chain lengths and a few arithmetic mixes. Argument: the
 * upper bound of the outer loop. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum {
    PUSH, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, AND, OR, XOR, SHL, SHR, NEG, NOT, DUP, DROP, SWAP, OVER,
    EQ, NE, LT, LE, GT, GE, JMP, JZ, JNZ, INC, DEC, CALL, RET, MIN, MAX, ABS, HALT
};

static int64_t run(const int32_t *code, int64_t *locals) {
    int64_t stack[256];
    int32_t frames[64];
    int sp = 0, fp = 0, pc = 0;
    for (;;) {
        int32_t op = code[pc++];
        switch (op) {
        case PUSH: stack[sp++] = code[pc++]; break;
        case LOAD: stack[sp++] = locals[code[pc++]]; break;
        case STORE: locals[code[pc++]] = stack[--sp]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case DIV: sp--; stack[sp - 1] = stack[sp] ? stack[sp - 1] / stack[sp] : 0; break;
        case MOD: sp--; stack[sp - 1] = stack[sp] ? stack[sp - 1] % stack[sp] : 0; break;
        case AND: sp--; stack[sp - 1] &= stack[sp]; break;
        case OR: sp--; stack[sp - 1] |= stack[sp]; break;
        case XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case SHL: sp--; stack[sp - 1] <<= (stack[sp] & 63); break;
        case SHR: sp--; stack[sp - 1] >>= (stack[sp] & 63); break;
        case NEG: stack[sp - 1] = -stack[sp - 1]; break;
        case NOT: stack[sp - 1] = !stack[sp - 1]; break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case DROP: sp--; break;
        case SWAP: { int64_t t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
        case OVER: stack[sp] = stack[sp - 2]; sp++; break;
        case EQ: sp--; stack[sp - 1] = stack[sp - 1] == stack[sp]; break;
        case NE: sp--; stack[sp - 1] = stack[sp - 1] != stack[sp]; break;
        case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case LE: sp--; stack[sp - 1] = stack[sp - 1] <= stack[sp]; break;
        case GT: sp--; stack[sp - 1] = stack[sp - 1] > stack[sp]; break;
        case GE: sp--; stack[sp - 1] = stack[sp - 1] >= stack[sp]; break;
        case JMP: pc = code[pc]; break;
        case JZ: pc = stack[--sp] == 0 ? code[pc] : pc + 1; break;
        case JNZ: pc = stack[--sp] != 0 ? code[pc] : pc + 1; break;
        case INC: locals[code[pc++]]++; break;
        case DEC: locals[code[pc++]]--; break;
        case CALL: frames[fp++] = pc + 1; pc = code[pc]; break;
        case RET: pc = frames[--fp]; break;
        case MIN: sp--; if (stack[sp] < stack[sp - 1]) stack[sp - 1] = stack[sp]; break;
        case MAX: sp--; if (stack[sp] > stack[sp - 1]) stack[sp - 1] = stack[sp]; break;
        case ABS: if (stack[sp - 1] < 0) stack[sp - 1] = -stack[sp - 1]; break;
        case HALT: return sp > 0 ? stack[sp - 1] : 0;
        default: fprintf(stderr, "bad opcode %d at %d\n", op, pc - 1); exit(3);
        }
    }
}

int main(int argc, char **argv) {
    int limit = argc > 1 ? atoi(argv[1]) : 300000;
    /* locals: 0 = i, 1 = limit, 2 = total, 3 = n, 4 = steps, 5 = mix */
    /* Built with explicit addresses so the layout is easy to check. */
    int32_t code[200];
    int n = 0;
#define EMIT(x) code[n++] = (x)
    EMIT(PUSH); EMIT(1); EMIT(STORE); EMIT(0);                 /* i = 1 */
    int outer = n;
    EMIT(LOAD); EMIT(0); EMIT(LOAD); EMIT(1); EMIT(GE); EMIT(JNZ); int exitPatch = n; EMIT(0);
    EMIT(LOAD); EMIT(0); EMIT(STORE); EMIT(3);                 /* n = i */
    EMIT(PUSH); EMIT(0); EMIT(STORE); EMIT(4);                 /* steps = 0 */
    int inner = n;
    EMIT(LOAD); EMIT(3); EMIT(PUSH); EMIT(1); EMIT(LE); EMIT(JNZ); int innerExit = n; EMIT(0);
    EMIT(LOAD); EMIT(3); EMIT(PUSH); EMIT(1); EMIT(AND); EMIT(JZ); int evenPatch = n; EMIT(0);
    EMIT(LOAD); EMIT(3); EMIT(PUSH); EMIT(3); EMIT(MUL); EMIT(PUSH); EMIT(1); EMIT(ADD); EMIT(STORE); EMIT(3);
    EMIT(JMP); int joinPatch = n; EMIT(0);
    code[evenPatch] = n;
    EMIT(LOAD); EMIT(3); EMIT(PUSH); EMIT(1); EMIT(SHR); EMIT(STORE); EMIT(3);
    code[joinPatch] = n;
    EMIT(INC); EMIT(4); EMIT(JMP); EMIT(inner);
    code[innerExit] = n;
    /* total += steps; mix = (mix * 31 + (steps ^ i)) % 1000003, via a subroutine */
    EMIT(LOAD); EMIT(2); EMIT(LOAD); EMIT(4); EMIT(ADD); EMIT(STORE); EMIT(2);
    EMIT(CALL); int callPatch = n; EMIT(0);
    EMIT(INC); EMIT(0); EMIT(JMP); EMIT(outer);
    code[exitPatch] = n;
    EMIT(LOAD); EMIT(2); EMIT(HALT);
    code[callPatch] = n;
    EMIT(LOAD); EMIT(5); EMIT(PUSH); EMIT(31); EMIT(MUL); EMIT(LOAD); EMIT(4); EMIT(LOAD); EMIT(0); EMIT(XOR); EMIT(ADD);
    EMIT(PUSH); EMIT(1000003); EMIT(MOD); EMIT(DUP); EMIT(NEG); EMIT(ABS); EMIT(MAX); EMIT(STORE); EMIT(5); EMIT(RET);
#undef EMIT
    int64_t locals[8] = {0, limit, 0, 0, 0, 0, 0, 0};
    int64_t total = run(code, locals);
    printf("interp %d: total steps %lld, mix %lld\n", limit, (long long)total, (long long)locals[5]);
    return 0;
}
