/* preload.c — libxeno-preload.so: brings the interception engine into an
 * ordinary Linux program at load time, configured from the environment
 * (XENO_TRACE, XENO_REMAP, XENO_DENY; see xeno --help). */
#include <stdlib.h>

__attribute__((constructor)) static void xeno_preload_init(void)
{
    /* Interception arrives with the engine; for now the library loads and
     * leaves the program untouched. */
    (void)getenv("XENO_TRACE");
}
