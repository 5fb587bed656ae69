/* start.c — starting a FreeBSD program: map the image, build the initial
 * stack as FreeBSD's kernel does (argc, argv, envp, FreeBSD auxv, the
 * ps_strings block), map the signal return code, and enter the guest with
 * the registers FreeBSD sets at exec (rdi = &argc, everything else zero). */
#include <cpuid.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#include "elf_info.h"
#include "fbsd.h"
#include "fbsd_signal.h"
#include "fbsd_trace.h"
#include "image.h"
#include "run.h"
#include "xeno.h"

#define FBSD_OSRELDATE 1401000        /* FreeBSD 14.1 */
#define FBSD_STACK_SIZE (8ull << 20)
#define XSTACK_SIZE (1ull << 20)

enum { /* FreeBSD auxv types (sys/sys/elf_common.h) */
    AT_NULL_ = 0, AT_PHDR_ = 3, AT_PHENT_ = 4, AT_PHNUM_ = 5, AT_PAGESZ_ = 6,
    AT_BASE_ = 7, AT_FLAGS_ = 8, AT_ENTRY_ = 9, AT_EXECPATH_ = 15, AT_CANARY_ = 16,
    AT_CANARYLEN_ = 17, AT_OSRELDATE_ = 18, AT_NCPUS_ = 19, AT_PAGESIZES_ = 20,
    AT_PAGESIZESLEN_ = 21, AT_STACKPROT_ = 23, AT_EHDRFLAGS_ = 24, AT_HWCAP_ = 25,
    AT_HWCAP2_ = 26, AT_BSDFLAGS_ = 27, AT_ARGC_ = 28, AT_ARGV_ = 29, AT_ENVC_ = 30,
    AT_ENVV_ = 31, AT_PS_STRINGS_ = 32, AT_USRSTACKBASE_ = 35, AT_USRSTACKLIM_ = 36,
};

/* The code a guest signal handler returns to: sigreturn(&frame->sf_uc).
 * Handlers are called directly with this as their return address, so rsp
 * points at the signal frame when it runs; the ucontext is 16 bytes in. */
static const uint8_t sigcode[] = {
    0x48, 0x8d, 0x7c, 0x24, 0x10, /* lea 16(%rsp), %rdi */
    0xb8, 0xa1, 0x01, 0x00, 0x00, /* mov $417, %eax (sigreturn) */
    0x0f, 0x05,                   /* syscall */
    0xf4,                         /* hlt */
};

/* Builds the initial stack downwards from the top. */
struct stk {
    uint64_t top, sp;
};

static uint64_t push_bytes(struct stk *s, const void *p, size_t n)
{
    s->sp -= n;
    memcpy((void *)s->sp, p, n);
    return s->sp;
}

static uint64_t push_str(struct stk *s, const char *str)
{
    return push_bytes(s, str, strlen(str) + 1);
}

static void auxv_add(uint64_t **av, uint64_t type, uint64_t val)
{
    *(*av)++ = type;
    *(*av)++ = val;
}

static uint64_t *fill_auxv(uint64_t *av, const struct ximage *img, const struct stk *s,
                           uint64_t execpath, uint64_t canary, uint64_t pagesizes,
                           uint64_t ps, int argc, uint64_t argv, int envc, uint64_t envv)
{
    unsigned a, b, c, d;
    __cpuid(1, a, b, c, d);
    (void)a, (void)b;
    auxv_add(&av, AT_PHDR_, img->phdr);
    auxv_add(&av, AT_PHENT_, img->phent);
    auxv_add(&av, AT_PHNUM_, img->phnum);
    auxv_add(&av, AT_PAGESZ_, 4096);
    auxv_add(&av, AT_FLAGS_, 0);
    auxv_add(&av, AT_ENTRY_, img->entry);
    auxv_add(&av, AT_BASE_, 0);
    auxv_add(&av, AT_EHDRFLAGS_, 0);
    auxv_add(&av, AT_EXECPATH_, execpath);
    auxv_add(&av, AT_OSRELDATE_, FBSD_OSRELDATE);
    auxv_add(&av, AT_CANARY_, canary);
    auxv_add(&av, AT_CANARYLEN_, 64);
    auxv_add(&av, AT_NCPUS_, (uint64_t)sysconf(_SC_NPROCESSORS_ONLN));
    auxv_add(&av, AT_PAGESIZES_, pagesizes);
    auxv_add(&av, AT_PAGESIZESLEN_, 3 * sizeof(uint64_t));
    auxv_add(&av, AT_STACKPROT_, PROT_READ | PROT_WRITE | (img->exec_stack ? PROT_EXEC : 0));
    auxv_add(&av, AT_HWCAP_, d);
    auxv_add(&av, AT_HWCAP2_, c);
    auxv_add(&av, AT_BSDFLAGS_, 0);
    auxv_add(&av, AT_ARGC_, (uint64_t)argc);
    auxv_add(&av, AT_ARGV_, argv);
    auxv_add(&av, AT_ENVC_, (uint64_t)envc);
    auxv_add(&av, AT_ENVV_, envv);
    auxv_add(&av, AT_PS_STRINGS_, ps);
    auxv_add(&av, AT_USRSTACKBASE_, s->top);
    auxv_add(&av, AT_USRSTACKLIM_, FBSD_STACK_SIZE);
    auxv_add(&av, AT_NULL_, 0);
    return av;
}

/* Lay out strings, then the pointer vectors and auxv, FreeBSD style.
 * Returns the address of argc (16-byte aligned). */
static uint64_t build_stack(struct stk *s, const struct ximage *img, int argc, char **argv,
                            char **envp)
{
    int envc = 0;
    while (envp[envc])
        envc++;
    uint64_t ps = s->sp -= 32; /* struct ps_strings */
    uint64_t execpath = push_str(s, fbsd_proc.execpath);
    uint64_t *astr = calloc((size_t)(argc + envc + 2), sizeof *astr);
    if (!astr)
        xeno_die(XENO_EXIT_NOLOAD, "out of memory");
    for (int i = envc - 1; i >= 0; i--)
        astr[argc + 1 + i] = push_str(s, envp[i]);
    for (int i = argc - 1; i >= 0; i--)
        astr[i] = push_str(s, argv[i]);
    uint8_t canary_bytes[64];
    if (getrandom(canary_bytes, sizeof canary_bytes, 0) != sizeof canary_bytes)
        memset(canary_bytes, 0x5a, sizeof canary_bytes);
    s->sp &= ~7ull;
    uint64_t canary = push_bytes(s, canary_bytes, sizeof canary_bytes);
    static const uint64_t pagesizes[3] = { 4096, 2 << 20, 1 << 30 };
    uint64_t psz = push_bytes(s, pagesizes, sizeof pagesizes);
    size_t words = 1 + (size_t)argc + 1 + (size_t)envc + 1 + 2 * 32;
    s->sp = (s->sp - words * 8) & ~15ull;
    uint64_t *w = (uint64_t *)s->sp;
    w[0] = (uint64_t)argc;
    uint64_t argvp = (uint64_t)&w[1], envvp = (uint64_t)&w[argc + 2];
    for (int i = 0; i < argc; i++)
        w[1 + i] = astr[i];
    w[1 + argc] = 0;
    for (int i = 0; i < envc; i++)
        w[argc + 2 + i] = astr[argc + 1 + i];
    w[argc + 2 + envc] = 0;
    fill_auxv(&w[argc + 3 + envc], img, s, execpath, canary, psz, ps, argc, argvp, envc, envvp);
    uint64_t psv[4] = { argvp, (uint64_t)argc, envvp, (uint64_t)envc };
    memcpy((void *)ps, psv, sizeof psv);
    free(astr);
    return s->sp;
}

static uint64_t map_sigcode(void)
{
    void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        xeno_die(XENO_EXIT_NOLOAD, "cannot map the signal trampoline: %s", strerror(errno));
    memcpy(p, sigcode, sizeof sigcode);
    mprotect(p, 4096, PROT_READ | PROT_EXEC);
    return (uint64_t)p;
}

static struct xthread *main_thread(void)
{
    struct xthread *t = fbsd_thread_alloc();
    void *xs = mmap(NULL, XSTACK_SIZE, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (!t || xs == MAP_FAILED)
        xeno_die(XENO_EXIT_NOLOAD, "out of memory");
    xthread_attach(t, (uint64_t)xs, (uint64_t)xs + XSTACK_SIZE, 1);
    t->guest_fs = 0;
    return t;
}

static void set_execpath(const char *path)
{
    char *rp = realpath(path, NULL);
    fbsd_proc.execpath = rp ? rp : path;
}

int freebsd_run(struct elf_info *ei, struct run_req *req)
{
    struct xerr e;
    static struct ximage img;
    if (ei->interp)
        xeno_die(XENO_EXIT_NOLOAD, "%s: dynamically linked FreeBSD programs (interpreter %s) "
                 "are not supported yet", req->path, ei->interp);
    xeno_cpu_init();
    if (elf_map_image(ei, ei->f->fd, &img, &e) < 0)
        xeno_die(XENO_EXIT_NOLOAD, "%s: %s", req->path, e.msg);
    set_execpath(req->path);
    fbsd_proc.strict = getenv("XENO_STRICT") && strcmp(getenv("XENO_STRICT"), "0") != 0;
    fbsd_proc.sigcode = map_sigcode();
    void *stk = mmap(NULL, FBSD_STACK_SIZE, PROT_READ | PROT_WRITE | (img.exec_stack ? PROT_EXEC : 0),
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK | MAP_NORESERVE, -1, 0);
    if (stk == MAP_FAILED)
        xeno_die(XENO_EXIT_NOLOAD, "cannot allocate the stack: %s", strerror(errno));
    struct stk s = { (uint64_t)stk + FBSD_STACK_SIZE, (uint64_t)stk + FBSD_STACK_SIZE };
    fbsd_proc.usrstack = s.top;
    fbsd_proc.stack_size = FBSD_STACK_SIZE;
    extern char **environ;
    uint64_t argcp = build_stack(&s, &img, req->argc, req->argv, environ);
    if (req->trace)
        fbsd_trace_start(req->trace);
    fbsd_fast_init(req->trace != NULL);
    fbsd_rewrite_image(ei, &img);
    fbsd_rewrite_region(fbsd_proc.sigcode, sizeof sigcode, PROT_READ | PROT_EXEC);
    struct xthread *t = main_thread();
    xeno_syscall_handler = fbsd_syscall;
    fbsd_signal_init_process();
    static struct xframe start;
    memset(&start, 0, sizeof start);
    start.rip = img.entry;
    start.rsp = argcp - 8;
    start.rdi = argcp;
    start.rflags = 0x202;
    start.path = XPATH_START;
    fbsd_thread_enter(t, &start);
}
