/* procattr.h — attribute lists of STARTUPINFOEX (procattr.c). */
#ifndef XENO_K32_PROCATTR_H
#define XENO_K32_PROCATTR_H

#include <stddef.h>
#include "../w32.h"

#define K32_PROC_THREAD_ATTRIBUTE_HANDLE_LIST 0x20002

/* The handle list of attribute list LIST, if it has one. */
int k32_attr_handle_list(const void *list, const HANDLE **handles, size_t *n);

#endif
