/* pebuild.c — the synthetic PE32+ image used by the parser tests. */
#include <string.h>
#include "pebuild.h"

static void section(uint8_t *sh, const char *name, uint32_t rva, uint32_t off, uint32_t flags)
{
    memcpy(sh, name, strlen(name));
    pb_w32(sh + 8, 0x200);   /* VirtualSize */
    pb_w32(sh + 12, rva);
    pb_w32(sh + 16, 0x200);  /* SizeOfRawData */
    pb_w32(sh + 20, off);
    pb_w32(sh + 36, flags);
}

/* .idata at RVA 0x2000: descriptor table at +0, ILT at +0x40, IAT at +0x60,
 * hint/name at +0x80, DLL name at +0xa0. */
static void imports(uint8_t *id)
{
    uint32_t base = PB_IDATA_RVA;
    pb_w32(id + 0, base + 0x40);
    pb_w32(id + 12, base + 0xa0);
    pb_w32(id + 16, base + 0x60);
    pb_w64(id + 0x40, base + 0x80);
    pb_w64(id + 0x48, (1ull << 63) | 17);
    pb_w64(id + 0x60, base + 0x80);
    pb_w64(id + 0x68, (1ull << 63) | 17);
    pb_w16(id + 0x80, 0x15c);
    memcpy(id + 0x82, "ExitProcess", 12);
    memcpy(id + 0xa0, "KERNEL32.dll", 13);
}

size_t pebuild(uint8_t *b)
{
    memset(b, 0, PB_SIZE);
    b[0] = 'M', b[1] = 'Z';
    pb_w32(b + 0x3c, PB_PE_OFF);
    uint8_t *ph = b + PB_PE_OFF, *oh = b + PB_OPT;
    memcpy(ph, "PE\0\0", 4);
    pb_w16(ph + 4, 0x8664);
    pb_w16(ph + 6, 2);        /* sections */
    pb_w16(ph + 20, 240);     /* optional header size */
    pb_w16(ph + 22, 0x22);    /* executable, large address aware */
    pb_w16(oh, 0x20b);
    pb_w32(oh + 16, PB_TEXT_RVA);
    pb_w64(oh + 24, 0x140000000ull);
    pb_w32(oh + 32, 0x1000);
    pb_w32(oh + 36, 0x200);
    pb_w32(oh + 56, 0x3000);  /* SizeOfImage */
    pb_w32(oh + 60, 0x200);   /* SizeOfHeaders */
    pb_w16(oh + 68, 3);       /* console */
    pb_w64(oh + 72, 0x200000);
    pb_w64(oh + 80, 0x1000);
    pb_w32(oh + 108, 16);
    pb_w32(oh + 112 + 8, PB_IDATA_RVA);  /* import directory */
    pb_w32(oh + 116 + 8, 40);
    section(b + PB_SECT, ".text", PB_TEXT_RVA, 0x200, 0x60000020);
    section(b + PB_SECT + 40, ".idata", PB_IDATA_RVA, PB_IDATA_OFF, 0xc0000040);
    b[0x200] = 0xc3;
    imports(b + PB_IDATA_OFF);
    return PB_SIZE;
}
