/* winmm.c — the timer-resolution calls Go's runtime requires (its clock
 * is already as fine as the host's, so there is nothing to change). */
#include "../w32.h"

#define TIMERR_NOERROR 0

static UINT WINAPI w32_timeBeginPeriod(UINT ms) { (void)ms; return TIMERR_NOERROR; }
static UINT WINAPI w32_timeEndPeriod(UINT ms) { (void)ms; return TIMERR_NOERROR; }

W32_EXPORTS(winmm) = {
    EXPORT(timeBeginPeriod, "u:u"),
    EXPORT(timeEndPeriod, "u:u"),
};
