/* locale.c — locales and code-page information: the user and system
 * locale follow the host's LANG (en-US when unset, "C" or unknown),
 * with LCIDs and names for common languages; GetLocaleInfo(A/W/Ex)
 * answers the usual LCTYPEs with English (United States) conventions
 * for every locale (names of days, months, number and date formats are
 * not translated); GetCPInfo(ExW) for UTF-8 (the ANSI and OEM code page
 * here) and the single-byte pages codepage.c knows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unicode.h"
#include "k32.h"

#define LOCALE_RETURN_NUMBER 0x20000000u
#define LOCALE_USER_DEFAULT 0x400
#define LOCALE_SYSTEM_DEFAULT 0x800
#define LOCALE_INVARIANT 0x7f
#define ERROR_INVALID_FLAGS_ 1004

static const struct { DWORD lcid; const char *name, *lang, *country; } locales[] = {
    { 0x0409, "en-US", "English", "United States" }, { 0x0809, "en-GB", "English", "United Kingdom" },
    { 0x0407, "de-DE", "German", "Germany" },        { 0x040c, "fr-FR", "French", "France" },
    { 0x0c0a, "es-ES", "Spanish", "Spain" },         { 0x0410, "it-IT", "Italian", "Italy" },
    { 0x0411, "ja-JP", "Japanese", "Japan" },        { 0x0804, "zh-CN", "Chinese", "China" },
    { 0x0419, "ru-RU", "Russian", "Russia" },        { 0x0416, "pt-BR", "Portuguese", "Brazil" },
    { 0x0413, "nl-NL", "Dutch", "Netherlands" },     { 0x0415, "pl-PL", "Polish", "Poland" },
    { 0x0412, "ko-KR", "Korean", "Korea" },          { 0x041d, "sv-SE", "Swedish", "Sweden" },
    { 0x007f, "", "Invariant Language", "Invariant Country" },
};
#define NLOC (sizeof locales / sizeof locales[0])

static size_t user_index(void)
{
    static int idx = -1;
    if (idx >= 0)
        return (size_t)idx;
    const char *l = getenv("LC_ALL");
    if (!l || !*l)
        l = getenv("LANG");
    idx = 0;
    if (l && strlen(l) >= 5)
        for (size_t i = 0; i < NLOC - 1; i++)
            if (!strncmp(l, locales[i].name, 2) && !strncmp(l + 3, locales[i].name + 3, 2))
                idx = (int)i;
    return (size_t)idx;
}

static long find_lcid(DWORD lcid)
{
    if (lcid == LOCALE_USER_DEFAULT || lcid == LOCALE_SYSTEM_DEFAULT || lcid == 0)
        return (long)user_index();
    for (size_t i = 0; i < NLOC; i++)
        if (locales[i].lcid == (lcid & 0xffff))
            return (long)i;
    return -1;
}

static long find_name(const WCHAR *name)
{
    if (!name)
        return (long)user_index();
    char *u = w32_wide_to_utf8(name);
    long r = -1;
    for (size_t i = 0; u && i < NLOC; i++)
        if (!strcasecmp(u, locales[i].name))
            r = (long)i;
    free(u);
    return r;
}

static DWORD WINAPI w32_GetUserDefaultLCID(void) { return locales[user_index()].lcid; }
static WORD WINAPI w32_GetUserDefaultLangID(void) { return (WORD)locales[user_index()].lcid; }
static BOOL WINAPI w32_SetThreadLocale(DWORD l) { return find_lcid(l) >= 0; }
static WORD WINAPI w32_SetThreadUILanguage(WORD l) { return l ? l : (WORD)locales[user_index()].lcid; }
static BOOL WINAPI w32_IsValidLocale(DWORD l, DWORD flags) { (void)flags; return find_lcid(l) >= 0; }
static BOOL WINAPI w32_IsValidLocaleName(LPCWSTR n) { return find_name(n) >= 0; }

static int WINAPI w32_GetUserDefaultLocaleName(LPWSTR buf, int n)
{
    const char *name = locales[user_index()].name;
    if (n < (int)strlen(name) + 1) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    w32_utf8_to_utf16(name, -1, buf, (size_t)n);
    return (int)strlen(name) + 1;
}

static DWORD WINAPI w32_LocaleNameToLCID(LPCWSTR name, DWORD flags)
{
    (void)flags;
    long i = find_name(name);
    if (i < 0) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return locales[i].lcid;
}

static int WINAPI w32_LCIDToLocaleName(DWORD lcid, LPWSTR buf, int n, DWORD flags)
{
    (void)flags;
    long i = find_lcid(lcid);
    if (i < 0) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    int need = (int)strlen(locales[i].name) + 1;
    if (!n)
        return need;
    if (n < need) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    w32_utf8_to_utf16(locales[i].name, -1, buf, (size_t)n);
    return need;
}

/* ---- GetLocaleInfo ---- */
static const char *days[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
static const char *months[] = { "January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December" };

static const struct { DWORD type; const char *value; } fixed[] = {
    { 0x0b, "65001" }, { 0x1004, "65001" }, { 0x0c, "," }, { 0x0d, "1" }, { 0x0e, "." },
    { 0x0f, "," }, { 0x10, "3;0" }, { 0x11, "2" }, { 0x12, "1" }, { 0x14, "$" }, { 0x15, "USD" },
    { 0x16, "." }, { 0x17, "," }, { 0x18, "3;0" }, { 0x19, "2" }, { 0x1a, "2" }, { 0x1b, "0" },
    { 0x1c, "0" }, { 0x1d, "/" }, { 0x1e, ":" }, { 0x1f, "M/d/yyyy" }, { 0x20, "dddd, MMMM d, yyyy" },
    { 0x21, "0" }, { 0x22, "0" }, { 0x23, "0" }, { 0x24, "0" }, { 0x25, "0" }, { 0x26, "0" },
    { 0x28, "AM" }, { 0x29, "PM" }, { 0x50, "" }, { 0x51, "-" }, { 0x1003, "h:mm:ss tt" },
    { 0x100c, "6" }, { 0x100d, "0" }, { 0x1009, "1" }, { 0x1014, "0" },
};

static int info_value(long li, DWORD type, char *out, size_t n)
{
    type &= ~(LOCALE_RETURN_NUMBER | 0x80000000u);
    const char *name = locales[li].name;
    if (type == 0x1) return snprintf(out, n, "%04x", (unsigned)locales[li].lcid), 1;
    if (type == 0x2) return snprintf(out, n, "%s (%s)", locales[li].lang, locales[li].country), 1;
    if (type == 0x1001 || type == 0x2) return snprintf(out, n, "%s", locales[li].lang), 1;
    if (type == 0x6 || type == 0x1002) return snprintf(out, n, "%s", locales[li].country), 1;
    if (type == 0x59) return snprintf(out, n, "%.2s", name), 1;
    if (type == 0x5a) return snprintf(out, n, "%s", name[0] ? name + 3 : ""), 1;
    if (type == 0x5c) return snprintf(out, n, "%s", name), 1;
    if (type == 0x3) return snprintf(out, n, "%c%c%c", name[0] - 32, name[1] - 32, name[3]), 1;
    if (type >= 0x2a && type <= 0x30) return snprintf(out, n, "%s", days[type - 0x2a]), 1;
    if (type >= 0x31 && type <= 0x37) return snprintf(out, n, "%.3s", days[type - 0x31]), 1;
    if (type >= 0x38 && type <= 0x43) return snprintf(out, n, "%s", months[type - 0x38]), 1;
    if (type >= 0x44 && type <= 0x4f) return snprintf(out, n, "%.3s", months[type - 0x44]), 1;
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (fixed[i].type == type)
            return snprintf(out, n, "%s", fixed[i].value), 1;
    return 0;
}

static int locale_info(long li, DWORD type, void *buf, int n, int wide)
{
    char v[128];
    if (li < 0 || !info_value(li, type, v, sizeof v)) {
        w32_set_last_error(li < 0 ? ERROR_INVALID_PARAMETER : ERROR_INVALID_FLAGS_);
        return 0;
    }
    if (type & LOCALE_RETURN_NUMBER) {
        if (!n)
            return 2;
        if (n < 2) {
            w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
            return 0;
        }
        DWORD num = (DWORD)strtoul(v, NULL, (type & ~LOCALE_RETURN_NUMBER) == 1 ? 16 : 10);
        memcpy(buf, &num, 4);
        return 2;
    }
    return k32_ret_nls(v, buf, n, wide);
}

static int WINAPI w32_GetLocaleInfoW(DWORD l, DWORD type, LPWSTR buf, int n) { return locale_info(find_lcid(l), type, buf, n, 1); }
static int WINAPI w32_GetLocaleInfoA(DWORD l, DWORD type, LPSTR buf, int n) { return locale_info(find_lcid(l), type, buf, n, 0); }
static int WINAPI w32_GetLocaleInfoEx(LPCWSTR name, DWORD type, LPWSTR buf, int n) { return locale_info(find_name(name), type, buf, n, 1); }

/* ---- code pages ---- */
typedef struct {
    UINT MaxCharSize;
    BYTE DefaultChar[2], LeadByte[12];
    WCHAR UnicodeDefaultChar;
    UINT CodePage;
    WCHAR CodePageName[MAX_PATH];
} CPINFOEXW;

static int cp_info(UINT cp, CPINFOEXW *x)
{
    if (cp == 0 || cp == 1 || cp == 3)
        cp = 65001;
    if (cp != 65001 && cp != 1252 && cp != 28591 && cp != 20127)
        return 0;
    memset(x, 0, sizeof *x);
    x->MaxCharSize = cp == 65001 ? 4 : 1;
    x->DefaultChar[0] = '?';
    x->UnicodeDefaultChar = cp == 65001 ? 0xfffd : '?';
    x->CodePage = cp;
    char name[64];
    snprintf(name, sizeof name, "%u (%s)", cp, cp == 65001 ? "UTF-8" : cp == 20127 ? "US-ASCII" : "ANSI - Latin I");
    w32_utf8_to_utf16(name, -1, x->CodePageName, MAX_PATH);
    return 1;
}

static BOOL WINAPI w32_GetCPInfo(UINT cp, BYTE *out)
{
    CPINFOEXW x;
    if (!cp_info(cp, &x) || !out) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    memcpy(out, &x, 18); /* CPINFO: MaxCharSize, DefaultChar[2], LeadByte[12] */
    return TRUE;
}

static BOOL WINAPI w32_GetCPInfoExW(UINT cp, DWORD flags, CPINFOEXW *out)
{
    (void)flags;
    CPINFOEXW x;
    if (!cp_info(cp, &x) || !out) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *out = x;
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetUserDefaultLCID, ":u"),
    EXPORT_AS("GetSystemDefaultLCID", w32_GetUserDefaultLCID, ":u"),
    EXPORT_AS("GetThreadLocale", w32_GetUserDefaultLCID, ":u"),
    EXPORT(GetUserDefaultLangID, ":u"),
    EXPORT_AS("GetSystemDefaultLangID", w32_GetUserDefaultLangID, ":u"),
    EXPORT_AS("GetUserDefaultUILanguage", w32_GetUserDefaultLangID, ":u"),
    EXPORT_AS("GetSystemDefaultUILanguage", w32_GetUserDefaultLangID, ":u"),
    EXPORT_AS("GetThreadUILanguage", w32_GetUserDefaultLangID, ":u"),
    EXPORT(SetThreadLocale, "u:i"),
    EXPORT(SetThreadUILanguage, "u:u"),
    EXPORT(IsValidLocale, "uu:i"),
    EXPORT(IsValidLocaleName, "w:i"),
    EXPORT(GetUserDefaultLocaleName, "pi:i"),
    EXPORT_AS("GetSystemDefaultLocaleName", w32_GetUserDefaultLocaleName, "pi:i"),
    EXPORT(LocaleNameToLCID, "wu:u"),
    EXPORT(LCIDToLocaleName, "upiu:i"),
    EXPORT(GetLocaleInfoA, "uupi:i"),
    EXPORT(GetLocaleInfoW, "uupi:i"),
    EXPORT(GetLocaleInfoEx, "wupi:i"),
    EXPORT(GetCPInfo, "up:i"),
    EXPORT(GetCPInfoExW, "uup:i"),
};
