/* rewrite.h — the fast path: rewriting `syscall` instructions of loaded
 * code into jumps to per-site trampolines (see docs/rewriting.md). What
 * cannot be rewritten safely is left alone; Syscall User Dispatch still
 * catches it. Also the static analysis behind `xeno info`'s list of the
 * system calls a binary can make. */
#ifndef XENO_REWRITE_H
#define XENO_REWRITE_H

#include <stddef.h>
#include <stdint.h>

/* Function start addresses (symbols, .eh_frame_hdr) that decoding may
 * start from, sorted; with end addresses where known (0 = unknown). */
struct rw_anchors {
    uint64_t *start, *end;
    size_t n, cap;
};
void rw_anchors_add(struct rw_anchors *a, uint64_t start, uint64_t end);
void rw_anchors_sort(struct rw_anchors *a);
void rw_anchors_free(struct rw_anchors *a);
/* Add the functions listed in a .eh_frame_hdr section at HDR (in memory). */
void rw_anchors_from_eh_frame_hdr(struct rw_anchors *a, const uint8_t *hdr, size_t len);
/* The functions of a Go pc-line table (.gopclntab) of LEN bytes at TAB,
 * for a program whose .text starts at TEXT (gopclntab.c): FN gets each
 * one's name ("" if unknown) and range; the count, 0 if it is not a table
 * xeno can read. The anchors form adds them as rewriting anchors. */
typedef void (*rw_func_fn)(void *ctx, const char *name, uint64_t start, uint64_t end);
int rw_gopclntab_foreach(const uint8_t *tab, size_t len, uint64_t text, rw_func_fn fn, void *ctx);
int rw_anchors_from_gopclntab(struct rw_anchors *a, const uint8_t *tab, size_t len, uint64_t text);

/* Which trampoline to use and what to put in its data slots. */
struct rw_config {
    const uint8_t *tmpl;     /* template code (abi/gate.S) */
    size_t tmpl_len;
    size_t data_off;         /* offset of the four data slots */
    uint64_t table, errmap;  /* slots 3 and 4 */
    long keep_nr;            /* sites known to make this call stay as they are (-1: none) */
};

struct rw_stats {
    unsigned sites;          /* syscall instructions found */
    unsigned displaced;      /* rewritten by moving preceding instructions */
    unsigned via_gap;        /* rewritten through a jump in nearby padding */
    unsigned left;           /* left to Syscall User Dispatch */
};
extern struct rw_stats rw_stats;

/* Rewrite the syscall sites in [lo, hi), executable code currently mapped
 * with protection PROT. Returns the number of sites rewritten. */
int rw_rewrite_range(uint64_t lo, uint64_t hi, int prot, const struct rw_anchors *a,
                     const struct rw_config *cfg);

/* Static analysis: for each syscall site in [lo, hi) of CODE (bytes for
 * addresses lo..hi), report the system call number when a constant sets
 * it nearby, or -1. */
typedef void (*rw_site_fn)(void *ctx, uint64_t addr, long nr);
void rw_scan_sites(const uint8_t *code, uint64_t lo, uint64_t hi, const struct rw_anchors *a,
                   rw_site_fn fn, void *ctx);

/* Calls to any of TARGETS (sorted addresses) with a constant in rax. */
void rw_scan_calls(const uint8_t *code, uint64_t lo, uint64_t hi, const struct rw_anchors *a,
                   const uint64_t *targets, size_t ntargets, rw_site_fn fn, void *ctx);

#endif
