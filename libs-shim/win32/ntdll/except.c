/* except.c — setting up Windows exception handling for a process: the
 * main image's .pdata registered for unwinding, the fault handlers, and
 * the main thread's signal stack and stack guard page (a fault there is
 * reported as a stack overflow). Threads call w32_exceptions_thread_init. */
#include <sys/mman.h>

#include "../process.h"
#include "seh.h"

void seh_install_fault_handlers(void);
void w32_exceptions_thread_init(void);

void w32_exceptions_init(void)
{
    const struct pe_file *pe = w32_proc.pe;
    seh_register_image(w32_proc.img.base, pe->size_of_image, pe->dir[PE_DIR_EXCEPTION].rva,
                       pe->dir[PE_DIR_EXCEPTION].size);
    TEB *teb = w32_teb();
    DWORD64 lo = (DWORD64)teb->StackLimit;
    if (lo && !(lo & 0xfff))
        mprotect((void *)(lo - 0x1000), 0x1000, PROT_NONE);
    w32_exceptions_thread_init();
    seh_divide_init();
    seh_install_fault_handlers();
}
