/* binfmt.h — `xeno binfmt`: registration with the kernel's binfmt_misc. */
#ifndef XENO_BINFMT_H
#define XENO_BINFMT_H

int cmd_binfmt(int argc, char **argv);

/* The registration line for rule I (0-based), or NULL past the last rule. */
const char *binfmt_rule(int i, const char *interpreter, char *buf, unsigned len);

#endif
