/* pebuild.h — builds small synthetic PE32+ images in memory for tests:
 * headers, one .text and one .idata section, an import table. */
#ifndef XENO_TEST_PEBUILD_H
#define XENO_TEST_PEBUILD_H
#include <stddef.h>
#include <stdint.h>

#define PB_SIZE 0x600       /* headers 0x200, .text 0x200, .idata 0x200 */
#define PB_TEXT_RVA 0x1000
#define PB_IDATA_RVA 0x2000
#define PB_PE_OFF 0x80

/* Offsets in the buffer of fields tests like to break. */
#define PB_OPT (PB_PE_OFF + 24)
#define PB_SECT (PB_OPT + 240)
#define PB_IDATA_OFF 0x400

/* Write a valid image importing KERNEL32.dll!ExitProcess and #17 by
 * ordinal; returns its size. */
size_t pebuild(uint8_t *buf);

static inline void pb_w16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static inline void pb_w32(uint8_t *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i)); }
static inline void pb_w64(uint8_t *p, uint64_t v) { for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i)); }

#endif
