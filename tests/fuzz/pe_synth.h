/* pe_synth.h — a small valid PE32+ image built around fuzzer-chosen base
 * relocation data, so mutations land on relocation blocks instead of
 * being spent on headers (fuzz_pe_relocs.c). The input is a synth_params
 * header followed by the .reloc section's bytes; reloc_seed.c writes
 * such inputs from real programs. */
#ifndef XENO_FUZZ_PE_SYNTH_H
#define XENO_FUZZ_PE_SYNTH_H

#include <stddef.h>
#include <stdint.h>

#define SYNTH_BASE 0x140000000ull

struct synth_params {
    uint32_t text_vsize;   /* .text VirtualSize (low 24 bits; at least 1) */
    int16_t rva_skew;      /* added to the relocation directory's RVA */
    int16_t size_skew;     /* added to its size */
    uint64_t new_base;     /* where the image is relocated to */
};
#define SYNTH_PARAMS_SIZE 16

void synth_params_read(struct synth_params *p, const uint8_t *in);
void synth_params_write(const struct synth_params *p, uint8_t *out);

/* The image's size for N relocation bytes, and the image itself written
 * into OUT (synth_size bytes). */
size_t synth_size(size_t n);
void synth_build(uint8_t *out, const struct synth_params *p, const uint8_t *reloc, size_t n);

#endif
