/* reloc_seed.c — writes seeds for fuzz_pe_relocs from real PE files: the
 * synth_params header (.text as large as the program's image, so its
 * relocation targets fit) followed by the program's relocation data.
 * Usage: reloc_seed OUTDIR FILE.exe... (files without relocations are
 * skipped). Built with the parser objects of the normal build. */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pe.h"
#include "pe_synth.h"

static uint8_t *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    uint8_t *b = NULL;
    if (f && fseek(f, 0, SEEK_END) == 0) {
        long len = ftell(f);
        rewind(f);
        b = len > 0 ? malloc((size_t)len) : NULL;
        if (b && fread(b, 1, (size_t)len, f) != (size_t)len)
            free(b), b = NULL;
        *n = b ? (size_t)len : 0;
    }
    if (f)
        fclose(f);
    return b;
}

static int one(const char *outdir, char *path)
{
    size_t n;
    struct xerr e;
    struct pe_file pe;
    uint8_t *data = slurp(path, &n);
    struct xfile f = { .path = path, .data = data, .size = n, .fd = -1 };
    if (!data || pe_parse(&pe, &f, &e) < 0 || pe.ndirs <= PE_DIR_BASERELOC)
        return free(data), 0;
    uint32_t rva = pe.dir[PE_DIR_BASERELOC].rva, size = pe.dir[PE_DIR_BASERELOC].size;
    const uint8_t *rel = rva ? pe_rva(&pe, rva, size) : NULL;
    struct synth_params p = { pe.size_of_image, 0, 0, 0x7ff000000000ull };
    uint8_t hdr[SYNTH_PARAMS_SIZE];
    char out[4096];
    snprintf(out, sizeof out, "%s/%s", outdir, basename(path));
    FILE *o = rel ? fopen(out, "wb") : NULL;
    int bad = rel && !o;
    synth_params_write(&p, hdr);
    if (o) {
        bad = fwrite(hdr, 1, sizeof hdr, o) != sizeof hdr || fwrite(rel, 1, size, o) != size;
        bad |= fclose(o) != 0;
    }
    pe_free(&pe);
    free(data);
    return bad ? -1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: reloc_seed OUTDIR FILE.exe...\n");
        return 2;
    }
    for (int i = 2; i < argc; i++)
        if (one(argv[1], argv[i]) < 0) {
            perror(argv[i]);
            return 1;
        }
    return 0;
}
