/* pending.c — placeholders for the personalities that have not landed
 * yet: each says clearly that it is not supported. Removed as each
 * personality arrives. */
#include "info.h"
#include "run.h"
#include "xeno.h"

__attribute__((weak)) int win64_run(struct pe_file *pe, struct run_req *req)
{
    (void)pe;
    xeno_die(XENO_EXIT_NOLOAD, "%s: running Windows programs is not yet supported "
             "(try `xeno info`)", req->path);
}

__attribute__((weak)) int freebsd_run(struct elf_info *ei, struct run_req *req)
{
    (void)ei;
    xeno_die(XENO_EXIT_NOLOAD, "%s: running FreeBSD programs is not yet supported "
             "(try `xeno info`)", req->path);
}

__attribute__((weak)) int info_win32_import_known(const char *dll, const char *name, unsigned ordinal)
{
    (void)dll, (void)name, (void)ordinal;
    return 0;
}

__attribute__((weak)) void info_freebsd_syscalls(const void *elf_info)
{
    (void)elf_info;
}
