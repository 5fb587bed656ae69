/* k32api.h — kernel32 services for the other builtin DLLs (the C
 * runtime's _beginthreadex/_endthreadex/_putenv/system, advapi32,
 * shell32): each is what the matching kernel32 export does, callable
 * from C without going through the Microsoft calling convention. */
#ifndef XENO_K32API_H
#define XENO_K32API_H

#include "../w32.h"

typedef DWORD (WINAPI *w32_thread_fn)(PVOID);

/* CreateThread: a new thread running FN(ARG) with its own TEB; FLAGS
 * takes CREATE_SUSPENDED (4) and STACK_SIZE_PARAM_IS_A_RESERVATION.
 * Returns the thread handle (NULL with the error set); *TID its id. */
HANDLE w32_create_thread(w32_thread_fn fn, PVOID arg, SIZE_T stack, DWORD flags, DWORD *tid);
/* ExitThread: ends the calling thread with CODE. */
void w32_exit_thread(DWORD code) __attribute__((noreturn));

/* The Windows environment (the block GetEnvironmentStrings returns, kept
 * in the PEB's process parameters). Names are case-insensitive. */
/* Set NAME to VALUE (UTF-8; VALUE NULL deletes). Returns 0 or an error. */
DWORD w32_env_set(const char *name, const char *value);
/* The value of NAME (malloc'd UTF-8), or NULL. */
char *w32_env_get(const char *name);
/* A malloc'd NULL-terminated "NAME=VALUE" UTF-8 array (free with
 * w32_env_free), in the block's (sorted) order. */
char **w32_env_list(void);
void w32_env_free(char **list);

/* Current directory as the program sees it ("C:\..." form, UTF-8,
 * malloc'd, no trailing backslash except at a root). */
char *w32_current_dir(void);

#endif
