/* pe_synth.c — builds the synthetic image of pe_synth.h: headers at 0,
 * .text at RVA 0x1000 (0x200 bytes of patterned raw data, the rest
 * zero-filled), .reloc right after it holding the fuzzer's bytes, and the
 * relocation directory pointing at them (give or take the skews). */
#include <string.h>

#include "pe_synth.h"

#define HDRS 0x200u
#define TEXT_RAW 0x200u
#define PE_OFF 0x80u
#define OPT (PE_OFF + 24)
#define SECT (OPT + 240)

static void w16(uint8_t *p, uint16_t v) { memcpy(p, &v, 2); }
static void w32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void w64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }
static uint32_t up(uint32_t v, uint32_t a) { return (v + a - 1) & ~(a - 1); }

void synth_params_read(struct synth_params *p, const uint8_t *in)
{
    memcpy(&p->text_vsize, in, 4);
    memcpy(&p->rva_skew, in + 4, 2);
    memcpy(&p->size_skew, in + 6, 2);
    memcpy(&p->new_base, in + 8, 8);
    p->text_vsize &= 0xffffff;
    if (p->text_vsize == 0)
        p->text_vsize = 1;
}

void synth_params_write(const struct synth_params *p, uint8_t *out)
{
    memcpy(out, &p->text_vsize, 4);
    memcpy(out + 4, &p->rva_skew, 2);
    memcpy(out + 6, &p->size_skew, 2);
    memcpy(out + 8, &p->new_base, 8);
}

size_t synth_size(size_t n)
{
    return HDRS + TEXT_RAW + up((uint32_t)n, 0x200);
}

static void section(uint8_t *s, const char *name, uint32_t vsize, uint32_t va,
                    uint32_t raw, uint32_t off, uint32_t flags)
{
    memcpy(s, name, strlen(name));
    w32(s + 8, vsize), w32(s + 12, va), w32(s + 16, raw), w32(s + 20, off);
    w32(s + 36, flags);
}

void synth_build(uint8_t *out, const struct synth_params *p, const uint8_t *reloc, size_t n)
{
    uint32_t rel_va = 0x1000 + up(p->text_vsize, 0x1000);
    uint32_t image = rel_va + up(n ? (uint32_t)n : 1, 0x1000);
    memset(out, 0, synth_size(n));
    out[0] = 'M', out[1] = 'Z';
    w32(out + 0x3c, PE_OFF);
    memcpy(out + PE_OFF, "PE\0\0", 4);
    w16(out + PE_OFF + 4, 0x8664), w16(out + PE_OFF + 6, 2);
    w16(out + PE_OFF + 20, 240), w16(out + PE_OFF + 22, 0x22);
    uint8_t *o = out + OPT;
    w16(o, 0x20b), w32(o + 16, 0x1000), w64(o + 24, SYNTH_BASE);
    w32(o + 32, 0x1000), w32(o + 36, 0x200), w32(o + 56, image), w32(o + 60, HDRS);
    w16(o + 68, 3), w16(o + 70, 0x60), w32(o + 108, 16);
    w32(o + 112 + 8 * 5, rel_va + (uint32_t)(int32_t)p->rva_skew);
    w32(o + 116 + 8 * 5, (uint32_t)n + (uint32_t)(int32_t)p->size_skew);
    section(out + SECT, ".text", p->text_vsize, 0x1000, TEXT_RAW, HDRS, 0x60000020);
    section(out + SECT + 40, ".reloc", (uint32_t)n, rel_va, up((uint32_t)n, 0x200),
            HDRS + TEXT_RAW, 0x42000040);
    for (uint32_t i = 0; i < TEXT_RAW; i++)
        out[HDRS + i] = (uint8_t)(i * 7 + 1);
    memcpy(out + HDRS + TEXT_RAW, reloc, n);
}
