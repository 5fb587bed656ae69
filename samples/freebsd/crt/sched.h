/* sched.h — giving up the processor. */
#ifndef CRT_SCHED_H
#define CRT_SCHED_H

int sched_yield(void);

#endif
