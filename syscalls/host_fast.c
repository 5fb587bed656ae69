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
#include <sys/uio.h>

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
    SYS_mmap, /* code mapped later (dlopen) is rewritten as it arrives */
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

static int rewrite_off(void)
{
    static int off = -1;
    if (off < 0) {
        const char *v = getenv("XENO_REWRITE");
        off = v && !strcmp(v, "0");
    }
    return off;
}

void host_rewrite_loaded(void)
{
    if (rewrite_off())
        return;
    dl_iterate_phdr(rewrite_object, NULL);
}

/* ---- code mapped after start (dlopen) ----
 * ld.so maps a library's text with one mmap of the file at the offset of
 * its executable segment, MAP_PRIVATE, before anything can run it: no
 * thread is inside that code yet, so it can be patched as it arrives. The
 * ELF headers come from the file itself; the function table
 * (.eh_frame_hdr) from memory, once it is checked to hold the file's
 * bytes (ld.so has mapped the whole library by then). Anything that does
 * not fit this pattern is left to Syscall User Dispatch. */
static int pread_all(int fd, void *buf, size_t n, uint64_t off)
{
    return xsys4(SYS_pread64, fd, (long)buf, (long)n, (long)off) == (long)n ? 0 : -1;
}

/* The eh_frame_hdr of the object whose load bias is BIAS, if the memory
 * there holds what the file holds at PH's offset. */
static int eh_frame_ok(int fd, const ElfW(Phdr) *ph, uint64_t bias)
{
    uint8_t file[64], mem[64];
    size_t n = ph->p_filesz < sizeof file ? ph->p_filesz : sizeof file;
    if (!n || pread_all(fd, file, n, ph->p_offset) < 0)
        return 0;
    /* the program's SIGSEGV is its own: the kernel reads, not we */
    struct iovec local = { mem, n }, remote = { (void *)(bias + ph->p_vaddr), n };
    long got = xsys6(SYS_process_vm_readv, xsys0(SYS_getpid), (long)&local, 1, (long)&remote, 1, 0);
    return got == (long)n && !memcmp(mem, file, n);
}

void host_rewrite_mapping(uint64_t addr, uint64_t len, int prot, int flags, int fd, uint64_t off)
{
    ElfW(Ehdr) eh;
    ElfW(Phdr) ph[32];
    if (rewrite_off() || !(prot & PROT_EXEC) || !(flags & MAP_PRIVATE) || fd < 0 ||
        pread_all(fd, &eh, sizeof eh, 0) < 0 || memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
        eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_phentsize != sizeof ph[0] ||
        eh.e_phnum == 0 || eh.e_phnum > 32 ||
        pread_all(fd, ph, eh.e_phnum * sizeof ph[0], eh.e_phoff) < 0)
        return;
    const ElfW(Phdr) *text = NULL, *frames = NULL;
    for (int i = 0; i < eh.e_phnum; i++) {
        if (ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_X) && (ph[i].p_offset & ~4095ull) == off)
            text = &ph[i];
        if (ph[i].p_type == PT_GNU_EH_FRAME)
            frames = &ph[i];
    }
    if (!text || !frames)
        return;
    uint64_t bias = addr - (text->p_vaddr & ~4095ull), lo = bias + text->p_vaddr;
    uint64_t hi = lo + text->p_filesz;
    if (hi > addr + len || !eh_frame_ok(fd, frames, bias))
        return;
    struct rw_anchors a = { 0 };
    rw_anchors_from_eh_frame_hdr(&a, (const uint8_t *)(bias + frames->p_vaddr), frames->p_memsz);
    rw_anchors_sort(&a);
    struct rw_config cfg = config();
    if (a.n)
        rw_rewrite_range(lo, hi, prot, &a, &cfg);
    rw_anchors_free(&a);
}
