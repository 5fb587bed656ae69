/* msgbox.c — MessageBox for console programs: there is no display, so the
 * caption and text go to standard error and the default button is
 * reported as pressed. */
#include <stdio.h>
#include <stdlib.h>

#include "../unicode.h"
#include "../w32.h"

#define IDOK 1

static int WINAPI w32_MessageBoxA(HANDLE wnd, LPCSTR text, LPCSTR caption, UINT type)
{
    (void)wnd, (void)type;
    fprintf(stderr, "[%s] %s\n", caption ? caption : "Error", text ? text : "");
    return IDOK;
}

static int WINAPI w32_MessageBoxW(HANDLE wnd, LPCWSTR text, LPCWSTR caption, UINT type)
{
    char *t = w32_wide_to_utf8(text), *c = w32_wide_to_utf8(caption);
    int r = w32_MessageBoxA(wnd, t, c, type);
    free(t), free(c);
    return r;
}

W32_EXPORTS(user32) = {
    EXPORT(MessageBoxA, "pssu:i"),
    EXPORT(MessageBoxW, "pwwu:i"),
};
