/* stdlib.h — the tiny runtime's process and conversion functions. */
#ifndef CRT_STDLIB_H
#define CRT_STDLIB_H
#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

void exit(int status) __attribute__((noreturn));
void _exit(int status) __attribute__((noreturn));
int atexit(void (*fn)(void));
char *getenv(const char *name);
int atoi(const char *s);
void abort(void) __attribute__((noreturn));

#endif
