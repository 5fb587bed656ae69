/* fuzz_pe_info.c — libFuzzer harness: format detection, pe_parse and
 * everything `xeno info` prints for a file (formatted into /dev/null).
 * Any input must either be accepted with pe_check.c's promises kept, or
 * be refused with one clear line; never crash, hang or leak. */
#include "detect.h"
#include "fuzz_common.h"
#include "info.h"
#include "pe.h"
#include "pe_check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_quiet_stdout();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) /* xfile_open refuses empty files */
        return 0;
    struct xfile f = fuzz_file(data, size);
    struct xdetect d;
    struct xerr e;
    xdetect(&f, &d);
    if (d.kind == XK_UNSUPPORTED)
        fuzz_check_msg("xdetect", d.why);
    struct pe_file pe;
    if (pe_parse(&pe, &f, &e) < 0) {
        fuzz_check_msg("pe_parse", e.msg);
    } else {
        fuzz_check_pe(&pe);
        pe_free(&pe);
    }
    if (info_describe(f.path, &f, &e) < 0)
        fuzz_check_msg("info", e.msg);
    fuzz_file_free(&f);
    return 0;
}
