/* pending.c — placeholders for the personalities that have not landed
 * yet: each says clearly that it is not supported. Removed as each
 * personality arrives. */
#include "info.h"
#include "run.h"
#include "xeno.h"

__attribute__((weak)) void info_freebsd_syscalls(const void *elf_info)
{
    (void)elf_info;
}
