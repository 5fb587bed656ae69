/* fuzz_common.c — helpers for the harnesses: input copies, message rules,
 * quiet stdout, and a guard on every capstone decode: the bytes capstone
 * may read for one instruction must lie inside memory ASan considers
 * valid (capstone itself is not instrumented, so a wrong length handed
 * to it would otherwise go unnoticed). */
#include <capstone/capstone.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

struct xfile fuzz_file(const uint8_t *data, size_t size)
{
    struct xfile f = { .path = "fuzz-input", .size = size, .fd = -1 };
    f.data = malloc(size ? size : 1);
    if (!f.data)
        abort();
    memcpy(f.data, data, size);
    return f;
}

void fuzz_file_free(struct xfile *f)
{
    free(f->data);
    f->data = NULL;
}

void fuzz_fail(const char *what, const char *file, int line)
{
    fprintf(stderr, "fuzz: %s:%d: check failed: %s\n", file, line, what);
    abort();
}

void fuzz_check_msg(const char *where, const char *msg)
{
    size_t n = strnlen(msg, 256);
    static const char noerr[] = ": no error"; /* libelf's words for no reason */
    int bad = n == 0 || n == 256 ||
              (n >= sizeof noerr - 1 && !strcmp(msg + n - (sizeof noerr - 1), noerr));
    for (size_t i = 0; i < n && !bad; i++)
        bad = (unsigned char)msg[i] < 0x20 || msg[i] == 0x7f;
    if (bad) {
        fprintf(stderr, "fuzz: %s: unclear error message [", where);
        fwrite(msg, 1, n, stderr);
        fprintf(stderr, "]\n");
        abort();
    }
}

void fuzz_quiet_stdout(void)
{
    if (!freopen("/dev/null", "w", stdout))
        abort();
}

/* Linked with -Wl,--wrap=cs_disasm_iter. */
bool __real_cs_disasm_iter(csh h, const uint8_t **code, size_t *size, uint64_t *addr,
                           cs_insn *insn);
size_t __asan_region_is_poisoned(const void *beg, size_t size);

bool __wrap_cs_disasm_iter(csh h, const uint8_t **code, size_t *size, uint64_t *addr,
                           cs_insn *insn)
{
    size_t look = *size < 16 ? *size : 16; /* the longest x86 instruction is 15 bytes */
    if (look && __asan_region_is_poisoned(*code, look)) {
        fprintf(stderr, "fuzz: capstone asked to decode %zu bytes at %p, outside valid "
                "memory\n", *size, (const void *)*code);
        abort();
    }
    return __real_cs_disasm_iter(h, code, size, addr, insn);
}
