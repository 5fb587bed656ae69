/* pe_check.h — what the rest of xeno relies on once pe_parse has accepted
 * a PE32+ image: every address it will write or read while loading lies
 * inside SizeOfImage. The harnesses assert it on every accepted input. */
#ifndef XENO_FUZZ_PE_CHECK_H
#define XENO_FUZZ_PE_CHECK_H

#include "pe.h"

/* Aborts (through FUZZ_ASSERT) when an accepted image breaks a promise. */
void fuzz_check_pe(const struct pe_file *pe);

/* Does the image's loader path apply (PE32+, x86-64)? */
int fuzz_pe_full(const struct pe_file *pe);

#endif
