/* fuzz_common.h — shared by the libFuzzer harnesses (tests/fuzz/README.md):
 * the input as an xfile, the rule every error message must follow, and a
 * check that fails loudly (libFuzzer saves the input as a crash). */
#ifndef XENO_FUZZ_COMMON_H
#define XENO_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A private, exactly sized heap copy of the input (xeno maps files
 * copy-on-write and libelf may convert in place; libFuzzer's buffer is
 * read-only). ASan reports any access past its end. */
struct xfile fuzz_file(const uint8_t *data, size_t size);
void fuzz_file_free(struct xfile *f);

/* A refusal must be one clear line: not empty, no control characters, not
 * ending in a placeholder such as libelf's "no error". */
void fuzz_check_msg(const char *where, const char *msg);

/* Abort with a message: the fuzzer records the input as a crash. */
void fuzz_fail(const char *what, const char *file, int line) __attribute__((noreturn));
#define FUZZ_ASSERT(c) do { if (!(c)) fuzz_fail(#c, __FILE__, __LINE__); } while (0)

/* stdout goes to /dev/null: `xeno info` output is formatted, not kept. */
void fuzz_quiet_stdout(void);

#endif
