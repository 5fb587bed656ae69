/* mkcorpus.c — writes the malformed-file corpus: each file is a valid
 * sample (a mingw PE32+ and a FreeBSD ELF) with one kind of damage, and
 * MANIFEST lists each file with words its one-line error must contain.
 * Usage: mkcorpus OUTDIR GOOD.exe GOOD-freebsd-elf */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint8_t *buf;
static size_t size;
static FILE *manifest;
static const char *outdir;

static uint32_t r32(size_t o) { uint32_t v; memcpy(&v, buf + o, 4); return v; }
static uint16_t r16(size_t o) { uint16_t v; memcpy(&v, buf + o, 2); return v; }
static void w16(size_t o, uint16_t v) { memcpy(buf + o, &v, 2); }
static void w32(size_t o, uint32_t v) { memcpy(buf + o, &v, 4); }
static void w64(size_t o, uint64_t v) { memcpy(buf + o, &v, 8); }
static uint64_t r64(size_t o) { uint64_t v; memcpy(&v, buf + o, 8); return v; }

/* PE landmarks */
static size_t pe(void) { return r32(0x3c); }
static size_t opt(void) { return pe() + 24; }
static size_t dir(int i) { return opt() + 112 + 8 * (size_t)i; }
static size_t sect(int i) { return opt() + r16(pe() + 20) + 40 * (size_t)i; }
static size_t rva_off(uint32_t rva)
{
    for (int i = 0; i < r16(pe() + 6); i++) {
        uint32_t va = r32(sect(i) + 12), raw = r32(sect(i) + 16);
        if (rva >= va && rva < va + raw)
            return r32(sect(i) + 20) + (rva - va);
    }
    fprintf(stderr, "mkcorpus: RVA 0x%x not in the sample\n", rva);
    exit(1);
}
static int sect_named(const char *n)
{
    for (int i = 0; i < r16(pe() + 6); i++)
        if (!strncmp((char *)buf + sect(i), n, 8))
            return i;
    fprintf(stderr, "mkcorpus: sample has no %s section\n", n);
    exit(1);
}

/* ELF landmarks (64-bit) */
static size_t ph(int i) { uint64_t o; memcpy(&o, buf + 32, 8); return o + 56 * (size_t)i; }
static int first_load(void)
{
    for (int i = 0; i < r16(56); i++)
        if (r32(ph(i)) == 1)
            return i;
    exit(1);
}

static void pe_trunc_dos(void) { size = 40; }
static void pe_lfanew(void) { w32(0x3c, 0x7ffffff0); }
static void pe_trunc_half(void) { size /= 2; }
static void pe_nsect(void) { w16(pe() + 6, 0xffff); }
static void pe_sizeofimage(void) { w32(opt() + 56, 0xfffff000); }
static void pe_raw_past(void) { w32(sect(0) + 20, (uint32_t)size + 0x1000); }
static void pe_overlap(void) { w32(sect(1) + 12, r32(sect(0) + 12)); }
static void pe_importdir_out(void) { w32(dir(1), 0x7ff00000); }
static void pe_dllname(void) { w32(rva_off(r32(dir(1))) + 12, 0x7fffff00); }
static void pe_import_loop(void)
{   /* the first descriptor's lookup table becomes the code: never terminated
     * by a zero entry before running into names that are not strings */
    w32(rva_off(r32(dir(1))), r32(sect(sect_named(".text")) + 12));
}
static void pe_desc_unterminated(void)
{   /* descriptor table runs to the end of the section without a zero entry */
    size_t o = rva_off(r32(dir(1)));
    int s = sect_named(".idata");
    size_t end = r32(sect(s) + 20) + r32(sect(s) + 16);
    for (size_t p = o; p + 20 <= end; p += 20) {
        memcpy(buf + p, buf + o, 20);
    }
    memset(buf + end - (end - o) % 20, 0x11, (end - o) % 20);
}
static void pe_tls_cb(void)
{
    size_t t = rva_off(r32(dir(9)));
    w64(t + 24, 0x7fff00000000ull);
}
/* Found by tests/fuzz (fuzz_pe_map): a TLS template ending at 0x98 but
 * starting at 0 passed; each thread copied 0x98 bytes from address 0. */
static void pe_tls_no_start(void)
{
    size_t t = rva_off(r32(dir(9)));
    w64(t + 8, r64(t + 8) - r64(t));
    w64(t, 0);
}
/* Found reviewing what the loader writes (fuzz_pe_map asserts it now):
 * the 4-byte TLS index may start in the image's last 3 bytes. */
static void pe_tls_index_end(void)
{
    w64(rva_off(r32(dir(9))) + 16, r64(opt() + 24) + r32(opt() + 56) - 2);
}
static void pe_reloc_zero(void) { w32(rva_off(r32(dir(5))) + 4, 0); }
static void pe_magic(void) { w16(opt(), 0x999); }
static void pe_entry(void) { w32(opt() + 16, 0x7fffffff); }
static void pe_align(void) { w32(opt() + 32, 0); }
static void pe_i386(void) { w16(pe() + 4, 0x14c); }
static void pe_arm64(void) { w16(pe() + 4, 0xaa64); }

/* Found by tests/fuzz (fuzz_pe_info): a line break in a DLL name split
 * the one-line error that quoted it. */
static void pe_dllname_newline(void)
{
    size_t name = rva_off(r32(rva_off(r32(dir(1))) + 12));
    buf[name + 3] = '\n';
}

static void elf_trunc(void) { size = 20; }
static void elf_phoff(void) { w64(32, 0x7fffffff0000ull); }
static void elf_phnum(void) { w16(56, 0xfffe); }
static void elf_filesz(void) { w64(ph(first_load()) + 32, 0x7fffffff); w64(ph(first_load()) + 40, 0x7fffffff); }
static void elf_vaddr(void) { w64(ph(first_load()) + 16, 0xffffffffffff0000ull); }
static void elf_machine(void) { w16(18, 183); }
static void elf_entry(void) { w64(24, 0x10); }
static void elf_memsz(void) { w64(ph(first_load()) + 40, 1); }
static void elf_overlap(void)
{
    int a = first_load();
    memcpy(buf + ph(a + 1) + 8, buf + ph(a) + 8, 16); /* same offset and vaddr */
}
static void elf_class(void) { buf[4] = 1; }
/* Found by tests/fuzz (fuzz_elf_info): libelf takes an unknown class or
 * data encoding as "no kind" without an error: the message said "no
 * error" (or repeated an earlier file's), and the handle leaked. */
static void elf_bad_class(void) { buf[4] = 0x41; }
static void elf_bad_data(void) { buf[5] = 7; }
/* Found by tests/fuzz (fuzz_elf_info): the code segment's offset + file
 * size wraps around to a small number; `xeno info` disassembled past the
 * end of the file predicting system calls (at address 0, so that address
 * + size does not wrap too). */
static void elf_exec_wraps(void)
{
    for (int i = 0; i < r16(56); i++)
        if (r32(ph(i)) == 1 && (r32(ph(i) + 4) & 1) && r64(ph(i) + 8) > 0x10) {
            w64(ph(i) + 16, 0);
            w64(ph(i) + 32, 0x10 - r64(ph(i) + 8));
            w64(ph(i) + 40, 0x10 - r64(ph(i) + 8));
            return;
        }
    exit(1);
}
static void elf_netbsd(void)
{   /* OSABI NetBSD, and any FreeBSD ABI note renamed to a NetBSD one */
    static const char tag[] = "\x08\0\0\0\x04\0\0\0\x01\0\0\0FreeBSD";
    buf[7] = 2;
    for (size_t i = 0; i + sizeof tag <= size; i++)
        if (!memcmp(buf + i, tag, sizeof tag)) {
            buf[i] = 7;
            memcpy(buf + i + 12, "NetBSD\0", 8);
        }
}

struct damage { const char *name; int is_pe; void (*fn)(void); const char *expect; };

static const struct damage damages[] = {
    { "pe-truncated-dos-header", 1, pe_trunc_dos, "truncated DOS header" },
    { "pe-lfanew-outside", 1, pe_lfanew, "outside the file" },
    { "pe-truncated-half", 1, pe_trunc_half, "past the end of the file" },
    { "pe-too-many-sections", 1, pe_nsect, "too many sections" },
    { "pe-huge-image", 1, pe_sizeofimage, "SizeOfImage" },
    { "pe-section-past-eof", 1, pe_raw_past, "past the end of the file" },
    { "pe-sections-overlap", 1, pe_overlap, "overlap" },
    { "pe-import-dir-outside", 1, pe_importdir_out, "import directory" },
    { "pe-bad-dll-name", 1, pe_dllname, "DLL name" },
    { "pe-import-table-loop", 1, pe_import_loop, "import of" },
    { "pe-import-descriptors-unterminated", 1, pe_desc_unterminated, "import" },
    { "pe-tls-callbacks-outside", 1, pe_tls_cb, "TLS callback" },
    { "pe-tls-template-no-start", 1, pe_tls_no_start, "TLS template" },
    { "pe-tls-index-at-end", 1, pe_tls_index_end, "TLS index" },
    { "pe-reloc-block-zero", 1, pe_reloc_zero, "invalid size" },
    { "pe-bad-optional-magic", 1, pe_magic, "optional header magic" },
    { "pe-entry-outside", 1, pe_entry, "entry point" },
    { "pe-zero-alignment", 1, pe_align, "alignment" },
    { "pe-i386", 1, pe_i386, "32-bit (i386) Windows programs are not supported" },
    { "pe-arm64", 1, pe_arm64, "ARM64 Windows programs are not supported" },
    { "pe-dll-name-newline", 1, pe_dllname_newline, "DLL name" },
    { "elf-truncated", 0, elf_trunc, "ELF" },
    { "elf-phoff-outside", 0, elf_phoff, "program headers" },
    { "elf-phnum-huge", 0, elf_phnum, "program header" },
    { "elf-load-past-eof", 0, elf_filesz, "past the end of the file" },
    { "elf-load-kernel-address", 0, elf_vaddr, "outside the user address space" },
    { "elf-aarch64", 0, elf_machine, "AArch64 ELF programs are not supported" },
    { "elf-entry-outside", 0, elf_entry, "entry point" },
    { "elf-memsz-small", 0, elf_memsz, "file size exceeds memory size" },
    { "elf-loads-overlap", 0, elf_overlap, "overlap" },
    { "elf-class32", 0, elf_class, "ELF" },
    { "elf-netbsd", 0, elf_netbsd, "NetBSD programs are not supported" },
    { "elf-bad-class", 0, elf_bad_class, "invalid ELF class" },
    { "elf-bad-data-encoding", 0, elf_bad_data, "invalid ELF data encoding" },
    { "elf-code-offset-wraps", 0, elf_exec_wraps, "past the end of the file" },
};

static uint8_t *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    rewind(f);
    uint8_t *b = malloc(*n);
    if (!b || fread(b, 1, *n, f) != *n) { perror(path); exit(1); }
    fclose(f);
    return b;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: mkcorpus OUTDIR GOOD.exe GOOD-ELF\n");
        return 2;
    }
    outdir = argv[1];
    char path[4096];
    snprintf(path, sizeof path, "%s/MANIFEST", outdir);
    manifest = fopen(path, "w");
    if (!manifest) { perror(path); return 1; }
    size_t pesz, elfsz;
    uint8_t *pebuf = slurp(argv[2], &pesz), *elfbuf = slurp(argv[3], &elfsz);
    for (size_t i = 0; i < sizeof damages / sizeof damages[0]; i++) {
        const struct damage *d = &damages[i];
        size = d->is_pe ? pesz : elfsz;
        buf = malloc(size);
        memcpy(buf, d->is_pe ? pebuf : elfbuf, size);
        d->fn();
        snprintf(path, sizeof path, "%s/%s", outdir, d->name);
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(buf, 1, size, f) != size || fclose(f) != 0) {
            perror(path);
            return 1;
        }
        fprintf(manifest, "%s\t%s\n", d->name, d->expect);
        free(buf);
    }
    fclose(manifest);
    return 0;
}
