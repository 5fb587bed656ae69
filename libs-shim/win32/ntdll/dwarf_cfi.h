/* dwarf_cfi.h — the part of DWARF call frame information (.eh_frame, as
 * GCC and glibc emit it for x86-64) needed to unwind one host frame:
 * find the FDE for a pc through the object's .eh_frame_hdr table and
 * compute the caller's registers. */
#ifndef XENO_DWARF_CFI_H
#define XENO_DWARF_CFI_H

#include <stdint.h>

/* DWARF register numbers on x86-64: 0 rax, 1 rdx, 2 rcx, 3 rbx, 4 rsi,
 * 5 rdi, 6 rbp, 7 rsp, 8-15 r8-r15, 16 return address, 17-32 xmm0-15. */
#define CFI_NREGS 33
#define CFI_RA 16

struct cfi_regs {
    uint64_t gpr[17];           /* by DWARF number; [16] is the pc */
    unsigned char xmm[16][16];
};

/* The function containing PC: its start and end, from the object whose
 * .eh_frame_hdr is HDR. 0 on success. */
int cfi_find(const uint8_t *hdr, uint64_t pc, uint64_t *start, uint64_t *end, const uint8_t **fde);
/* Unwind R through the frame of FDE at pc R->gpr[CFI_RA]: 0, 1 when the
 * frame has no caller (return address undefined), -1 on bad data. */
int cfi_unwind(const uint8_t *fde, struct cfi_regs *r);

#endif
