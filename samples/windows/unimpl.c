/* unimpl.c — calls a function from a DLL xeno does not provide
 * (dbghelp!SymInitialize). Under xeno the call must stop the program with
 * "unimplemented function DBGHELP.SymInitialize called" and exit 127;
 * `xeno info` lists the import as not implemented before it runs. */
#include <windows.h>
#include <dbghelp.h>
#include <stdio.h>

int main(void)
{
    printf("before the call\n");
    fflush(stdout);
    BOOL ok = SymInitialize(GetCurrentProcess(), NULL, FALSE);
    printf("SymInitialize returned %d\n", (int)ok);
    return 0;
}
