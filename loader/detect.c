/* detect.c — format detection: PE (by machine), ELF (by class, machine and
 * OS branding), Mach-O, scripts, and anything else. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "detect.h"
#include "elf_info.h"
#include "pe.h"
#include "pe_internal.h"

static void __attribute__((format(printf, 2, 3)))
unsupported(struct xdetect *d, const char *fmt, ...)
{
    va_list ap;
    d->kind = XK_UNSUPPORTED;
    va_start(ap, fmt);
    vsnprintf(d->why, sizeof d->why, fmt, ap);
    va_end(ap);
}

/* Classify by machine only; damage in the headers is left for pe_parse to
 * name precisely. */
static void detect_pe(const struct xfile *f, struct xdetect *d)
{
    const uint8_t *mz = xfile_at(f, 0, 64);
    snprintf(d->what, sizeof d->what, "PE file");
    if (!mz) {
        unsupported(d, "truncated DOS header (%zu bytes)", f->size);
        return;
    }
    uint32_t off = rd32(mz + 0x3c);
    const uint8_t *ph = xfile_at(f, off, 24);
    if (!ph) {
        unsupported(d, "PE header offset 0x%x is outside the file", off);
        return;
    }
    if (memcmp(ph, "PE\0\0", 4) != 0) {
        snprintf(d->what, sizeof d->what, "MS-DOS executable");
        unsupported(d, "MS-DOS programs are not supported");
        return;
    }
    uint16_t machine = rd16(ph + 4);
    const uint8_t *magic = xfile_at(f, off + 24, 2);
    int pe32 = magic && rd16(magic) == 0x10b;
    snprintf(d->what, sizeof d->what, "%s executable, %s", pe32 ? "PE32" : "PE32+",
             pe_machine_name(machine));
    if (machine == PE_MACHINE_AMD64 && !pe32)
        d->kind = XK_PE64;
    else if (machine == PE_MACHINE_I386)
        unsupported(d, "32-bit (i386) Windows programs are not supported");
    else if (machine == PE_MACHINE_AMD64)
        unsupported(d, "x86-64 PE file with a 32-bit (PE32) optional header");
    else
        unsupported(d, "%s Windows programs are not supported (only x86-64)",
                    pe_machine_name(machine));
}

static void detect_elf(const struct xfile *f, struct xdetect *d)
{
    struct elf_info ei;
    struct xerr e;
    if (elf_parse(&ei, f, &e) < 0) {
        snprintf(d->what, sizeof d->what, "ELF file");
        unsupported(d, "%s", e.msg);
        return;
    }
    int bits = ei.cls == ELFCLASS64 ? 64 : 32;
    snprintf(d->what, sizeof d->what, "ELF %d-bit %s, %s, %s", bits,
             elf_type_name(ei.type), elf_machine_name(ei.machine), ei.os_name);
    if (ei.machine != EM_X86_64 || ei.cls != ELFCLASS64) {
        char arch[64];
        snprintf(arch, sizeof arch, "%d-bit %s", bits, elf_machine_name(ei.machine));
        unsupported(d, "%s ELF programs are not supported (only 64-bit x86-64)", arch);
    } else if (ei.os == ELF_OS_FREEBSD) {
        d->kind = XK_ELF_FREEBSD;
    } else if (ei.os == ELF_OS_LINUX) {
        d->kind = XK_ELF_LINUX;
    } else {
        unsupported(d, "%s programs are not supported", ei.os_name);
    }
    elf_free(&ei);
}

static int is_macho(const uint8_t *p, size_t n)
{
    static const uint8_t magics[][4] = {
        { 0xfe, 0xed, 0xfa, 0xce }, { 0xce, 0xfa, 0xed, 0xfe },
        { 0xfe, 0xed, 0xfa, 0xcf }, { 0xcf, 0xfa, 0xed, 0xfe },
    };
    if (n < 8)
        return 0;
    for (size_t i = 0; i < ARRAY_LEN(magics); i++)
        if (!memcmp(p, magics[i], 4))
            return 1;
    /* Universal binaries share 0xcafebabe with Java classes; a universal
     * header has a small architecture count where Java has its version. */
    uint32_t narch = (uint32_t)p[4] << 24 | p[5] << 16 | p[6] << 8 | p[7];
    return !memcmp(p, "\xca\xfe\xba\xbe", 4) && narch > 0 && narch < 20;
}

void xdetect(const struct xfile *f, struct xdetect *d)
{
    const uint8_t *p = f->data;
    memset(d, 0, sizeof *d);
    if (f->size >= 2 && p[0] == 'M' && p[1] == 'Z') {
        detect_pe(f, d);
    } else if (f->size >= 4 && !memcmp(p, ELFMAG, SELFMAG)) {
        detect_elf(f, d);
    } else if (is_macho(p, f->size)) {
        snprintf(d->what, sizeof d->what, "Mach-O file");
        unsupported(d, "Mach-O (macOS) programs are not supported");
    } else if (f->size >= 2 && p[0] == '#' && p[1] == '!') {
        snprintf(d->what, sizeof d->what, "script");
        unsupported(d, "is a script, not a binary: run it with its interpreter");
    } else {
        snprintf(d->what, sizeof d->what, "data");
        unsupported(d, "not a recognised program format (expected PE or ELF)");
    }
}
