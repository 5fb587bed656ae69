/* host_fast.c — the rewritten-site fast path for host programs under
 * libxeno-preload.so: which Linux calls must still enter the gate (the
 * bitmap the trampolines test), and rewriting the code of every object
 * loaded when interception starts. */
#include <elf.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "host.h"
#include "intercept.h"
#include "rawsys.h"
#include "rewrite.h"

#define NBITS 512

extern const uint8_t xeno_tramp_host[], xeno_tramp_host_end[], xeno_tramp_host_data[];

/* Bit set: the call goes through the gate. */
static uint64_t slow[NBITS / 64];

/* Calls the engine itself must see: thread and process creation, signal
 * dispositions and masks, its own prctl/arch_prctl settings. Sites known
 * to make rt_sigreturn are never rewritten (see config()). */
static const int always_slow[] = {
    SYS_clone, SYS_clone3, SYS_fork, SYS_vfork, SYS_rt_sigaction, SYS_rt_sigprocmask,
    SYS_rt_sigreturn, SYS_prctl, SYS_arch_prctl,
};

/* Calls that never block: when the policy leaves them alone, a trapped one
 * is answered inside the SIGSYS handler (signals stay blocked there). */
static const int quick_calls[] = {
    SYS_getpid, SYS_getppid, SYS_gettid, SYS_getuid, SYS_geteuid, SYS_getgid, SYS_getegid,
    SYS_getpgrp, SYS_getpgid, SYS_getsid, SYS_sched_yield, SYS_uname, SYS_gettimeofday,
    SYS_time, SYS_clock_gettime, SYS_getcpu, SYS_getrusage, SYS_sysinfo,
};

static int is_slow(uint64_t nr)
{
    return nr >= NBITS || (slow[nr / 64] >> (nr % 64) & 1);
}

static int sud_quick(ucontext_t *uc)
{
    greg_t *g = uc->uc_mcontext.gregs;
    uint64_t nr = (uint64_t)g[REG_RAX];
    int quick = 0;
    if (is_slow(nr))
        return 0;
    for (size_t i = 0; i < sizeof quick_calls / sizeof quick_calls[0]; i++)
        quick |= (uint64_t)quick_calls[i] == nr;
    if (!quick)
        return 0;
    struct xthread *t = xthread_self();
    t->selector = SUD_ALLOW;
    g[REG_RAX] = xsys6((long)nr, g[REG_RDI], g[REG_RSI], g[REG_RDX], g[REG_R10], g[REG_R8], g[REG_R9]);
    t->selector = SUD_BLOCK;
    return 1;
}

static void set_bit(int nr)
{
    if (nr >= 0 && nr < NBITS)
        slow[nr / 64] |= 1ull << (nr % 64);
}

/* ALL: every call goes through the gate (tracing everything); else
 * POLICY lists the calls the policy acts on (-1 terminated). */
void host_fast_configure(int all, const int *policy)
{
    memset(slow, all ? 0xff : 0, sizeof slow);
    for (size_t i = 0; i < sizeof always_slow / sizeof always_slow[0]; i++)
        set_bit(always_slow[i]);
    for (; policy && *policy >= 0; policy++)
        set_bit(*policy);
    xeno_sud_quick = sud_quick;
}

static struct rw_config config(void)
{
    struct rw_config cfg = {
        xeno_tramp_host, (size_t)(xeno_tramp_host_end - xeno_tramp_host),
        (size_t)(xeno_tramp_host_data - xeno_tramp_host), (uint64_t)slow, 0,
        SYS_rt_sigreturn, /* returns elsewhere: the selector could not be closed */
    };
    return cfg;
}

static int prot_of(uint32_t pf)
{
    return (pf & PF_R ? PROT_READ : 0) | (pf & PF_W ? PROT_WRITE : 0) | (pf & PF_X ? PROT_EXEC : 0);
}

/* Is ADDR inside one of OBJ's loaded segments? */
static int contains(const struct dl_phdr_info *obj, uint64_t addr)
{
    for (int i = 0; i < obj->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &obj->dlpi_phdr[i];
        uint64_t lo = obj->dlpi_addr + ph->p_vaddr;
        if (ph->p_type == PT_LOAD && addr >= lo && addr < lo + ph->p_memsz)
            return 1;
    }
    return 0;
}

static int rewrite_object(struct dl_phdr_info *obj, size_t size, void *data)
{
    (void)size, (void)data;
    if (contains(obj, (uint64_t)(uintptr_t)host_fast_configure)) /* not our own code */
        return 0;
    if (obj->dlpi_name && !strncmp(obj->dlpi_name, "linux-vdso", 10))
        return 0;
    struct rw_anchors a = { 0 };
    for (int i = 0; i < obj->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &obj->dlpi_phdr[i];
        if (ph->p_type == PT_GNU_EH_FRAME)
            rw_anchors_from_eh_frame_hdr(&a, (const uint8_t *)(obj->dlpi_addr + ph->p_vaddr),
                                         ph->p_memsz);
    }
    rw_anchors_sort(&a);
    struct rw_config cfg = config();
    for (int i = 0; a.n && i < obj->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &obj->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
            continue;
        uint64_t lo = obj->dlpi_addr + ph->p_vaddr;
        rw_rewrite_range(lo, lo + ph->p_filesz, prot_of(ph->p_flags), &a, &cfg);
    }
    rw_anchors_free(&a);
    return 0;
}

void host_rewrite_loaded(void)
{
    const char *v = getenv("XENO_REWRITE");
    if (v && !strcmp(v, "0"))
        return;
    dl_iterate_phdr(rewrite_object, NULL);
}
