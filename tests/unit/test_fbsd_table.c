/* test_fbsd_table.c — the FreeBSD system call table (syscalls/freebsd/
 * syscalls.tbl) against the facts taken from FreeBSD's syscalls.master
 * (syscalls/freebsd/syscalls.master.names): numbers, names, which entries
 * are present, and that every argument kind is well formed. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "argkinds.h"
#include "suites.h"

#define NSLOTS 6
#define MAXNR 587

struct row {
    int nr;
    const char *name;
    int ret;
    int k[NSLOTS];
};

static const struct row rows[] = {
#define SYS(n, name, r, a1, a2, a3, a4, a5, a6) { n, #name, r, { a1, a2, a3, a4, a5, a6 } },
#include "freebsd/syscalls.tbl"
#undef SYS
};
#define NROWS ((int)(sizeof rows / sizeof rows[0]))

/* ---- the names file ---- */

struct fact {
    int present;
    char type[32]; /* as written, e.g. "COMPAT7|NOSTD" */
    char name[64];
};

static struct fact facts[MAXNR + 1];
static int facts_loaded;
static char facts_err[256];

static FILE *open_names(void)
{
    static const char *const rel = "syscalls/freebsd/syscalls.master.names";
    char path[512];
    for (int up = 0; up <= 3; up++) {
        path[0] = 0;
        for (int i = 0; i < up; i++)
            strcat(path, "../");
        strcat(path, rel);
        FILE *f = fopen(path, "r");
        if (f)
            return f;
    }
    return NULL;
}

/* Reads the names file once; returns 0, or -1 with facts_err set. */
static int load_facts(void)
{
    if (facts_loaded)
        return facts_err[0] ? -1 : 0;
    facts_loaded = 1;
    FILE *f = open_names();
    if (!f) {
        snprintf(facts_err, sizeof facts_err,
                 "cannot open syscalls/freebsd/syscalls.master.names (run from the repository root)");
        return -1;
    }
    char line[256];
    int lineno = 0, expect = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        int nr;
        char type[32], name[64], extra[8];
        int n = sscanf(line, "%d %31s %63s %7s", &nr, type, name, extra);
        if (n != 3) {
            snprintf(facts_err, sizeof facts_err, "line %d: expected NUMBER TYPE NAME", lineno);
            break;
        }
        if (nr != expect || nr > MAXNR) {
            snprintf(facts_err, sizeof facts_err, "line %d: number %d, expected %d (0..%d in order)",
                     lineno, nr, expect, MAXNR);
            break;
        }
        facts[nr].present = 1;
        strcpy(facts[nr].type, type);
        strcpy(facts[nr].name, name);
        expect++;
    }
    fclose(f);
    if (!facts_err[0] && expect != MAXNR + 1)
        snprintf(facts_err, sizeof facts_err, "%d entries, expected %d", expect, MAXNR + 1);
    return facts_err[0] ? -1 : 0;
}

#define LOAD() ck_assert_msg(load_facts() == 0, "names file: %s", facts_err)

/* The type without its |FLAGS. */
static void base_type(const char *type, char *out, size_t n)
{
    size_t len = strcspn(type, "|");
    if (len >= n)
        len = n - 1;
    memcpy(out, type, len);
    out[len] = 0;
}

static int is_plain(const char *base)
{
    return !strcmp(base, "STD") || !strcmp(base, "NOSTD") || !strcmp(base, "NOARGS") ||
           !strcmp(base, "NOPROTO") || !strcmp(base, "SYSMUX");
}

/* COMPAT version: 0 for plain COMPAT (4.3BSD), n for COMPATn, -1 if not a
 * COMPAT type. */
static int compat_version(const char *base)
{
    if (strncmp(base, "COMPAT", 6) != 0)
        return -1;
    return base[6] ? atoi(base + 6) : 0;
}

/* Which entries the table promises to hold (see the top of syscalls.tbl). */
static int belongs_in_table(const char *base)
{
    int v = compat_version(base);
    return is_plain(base) || (v >= 10 && v <= 13);
}

/* The table's name for a syscalls.master entry: freebsdN_NAME for COMPATn,
 * oNAME for COMPAT, obreak for break, the declared name otherwise. */
static void table_name(const char *base, const char *name, char *out, size_t n)
{
    int v = compat_version(base);
    if (!strcmp(name, "break"))
        snprintf(out, n, "obreak");
    else if (v > 0)
        snprintf(out, n, "freebsd%d_%s", v, name);
    else if (v == 0)
        snprintf(out, n, "o%s", name);
    else
        snprintf(out, n, "%s", name);
}

static const struct row *find_row(int nr)
{
    for (int i = 0; i < NROWS; i++)
        if (rows[i].nr == nr)
            return &rows[i];
    return NULL;
}

/* ---- tests ---- */

START_TEST(names_file_complete)
{
    LOAD();
    static const char *const known[] = { "STD", "NOSTD", "NOARGS", "NOPROTO", "NODEF", "SYSMUX",
                                         "OBSOL", "UNIMPL", "RESERVED", NULL };
    for (int nr = 0; nr <= MAXNR; nr++) {
        ck_assert_msg(facts[nr].present, "entry %d missing", nr);
        char base[32];
        base_type(facts[nr].type, base, sizeof base);
        int ok = compat_version(base) >= 0;
        for (int i = 0; !ok && known[i]; i++)
            ok = !strcmp(base, known[i]);
        ck_assert_msg(ok, "entry %d: unknown type %s", nr, facts[nr].type);
        ck_assert_msg(!strstr(facts[nr].type, "CAPENABLED"), "entry %d keeps |CAPENABLED", nr);
    }
    /* a few anchors from freebsd-abi.md */
    ck_assert_str_eq(facts[0].name, "syscall");
    ck_assert_str_eq(facts[477].name, "mmap");
    ck_assert_str_eq(facts[560].name, "kevent");
    ck_assert_str_eq(facts[587].name, "timerfd_settime");
}
END_TEST

START_TEST(numbers_increasing)
{
    ck_assert_int_gt(NROWS, 0);
    for (int i = 0; i < NROWS; i++) {
        ck_assert_msg(rows[i].nr >= 0 && rows[i].nr <= MAXNR, "%s: number %d out of range",
                      rows[i].name, rows[i].nr);
        if (i > 0)
            ck_assert_msg(rows[i].nr > rows[i - 1].nr, "%s (%d) does not follow %s (%d)",
                          rows[i].name, rows[i].nr, rows[i - 1].name, rows[i - 1].nr);
    }
}
END_TEST

START_TEST(names_unique)
{
    for (int i = 0; i < NROWS; i++)
        for (int j = i + 1; j < NROWS; j++)
            ck_assert_msg(strcmp(rows[i].name, rows[j].name) != 0, "%s appears at %d and %d",
                          rows[i].name, rows[i].nr, rows[j].nr);
}
END_TEST

START_TEST(names_agree)
{
    LOAD();
    for (int i = 0; i < NROWS; i++) {
        const struct fact *f = &facts[rows[i].nr];
        char base[32], want[96];
        base_type(f->type, base, sizeof base);
        ck_assert_msg(belongs_in_table(base), "%s (%d) is %s in syscalls.master", rows[i].name,
                      rows[i].nr, f->type);
        table_name(base, f->name, want, sizeof want);
        ck_assert_msg(!strcmp(rows[i].name, want), "%d is %s %s in syscalls.master: expected %s, table has %s",
                      rows[i].nr, f->type, f->name, want, rows[i].name);
    }
}
END_TEST

START_TEST(entries_present)
{
    LOAD();
    int compat = 0;
    for (int nr = 0; nr <= MAXNR; nr++) {
        char base[32];
        base_type(facts[nr].type, base, sizeof base);
        const struct row *r = find_row(nr);
        if (!strcmp(base, "STD"))
            ck_assert_msg(r != NULL, "STD %d %s is not in the table", nr, facts[nr].name);
        if (belongs_in_table(base))
            ck_assert_msg(r != NULL, "%s %d %s is not in the table", facts[nr].type, nr, facts[nr].name);
        else
            ck_assert_msg(r == NULL, "%s %d %s must not be in the table", facts[nr].type, nr,
                          facts[nr].name);
        if (r && compat_version(base) >= 0)
            compat++;
    }
    ck_assert_int_eq(compat, 24);
}
END_TEST

static int takes_param(int kind)
{
    switch (kind) {
    case K_BUFIN: case K_BUFOUT: case K_BUFOUTN: case K_SOCKADDRIN: case K_SOCKADDROUT:
    case K_IOVECIN: case K_IOVECOUT: case K_POLLFDS: case K_KEVENTIN: case K_SYSCTLMIB:
        return 1;
    default:
        return 0;
    }
}

START_TEST(kinds_valid)
{
    for (int i = 0; i < NROWS; i++) {
        const struct row *r = &rows[i];
        ck_assert_msg(r->ret >= R_INT && r->ret <= R_OCTAL, "%s: bad result kind %d", r->name, r->ret);
        int nargs = 0;
        for (int a = 0; a < NSLOTS; a++) {
            int k = r->k[a];
            ck_assert_msg(k >= 0 && (k >> 12) == 0, "%s arg %d: bad kind value %#x", r->name, a, k);
            ck_assert_msg(KIND_OF(k) < K_KINDS_END, "%s arg %d: kind %d >= K_KINDS_END", r->name, a,
                          KIND_OF(k));
            if (KIND_OF(k) == K_NONE) {
                ck_assert_msg(k == K_NONE, "%s arg %d: K_NONE with a parameter", r->name, a);
                continue;
            }
            ck_assert_msg(nargs == a, "%s arg %d follows a K_NONE slot", r->name, a);
            nargs = a + 1;
        }
        for (int a = 0; a < nargs; a++) {
            int k = r->k[a], kind = KIND_OF(k), p = KIND_PARAM(k);
            if (!takes_param(kind)) {
                ck_assert_msg(p == 0, "%s arg %d: kind %d takes no parameter", r->name, a, kind);
                continue;
            }
            ck_assert_msg(p < NSLOTS && p < nargs, "%s arg %d: parameter %d past the %d arguments",
                          r->name, a, p, nargs);
            ck_assert_msg(p != a, "%s arg %d: parameter points at itself", r->name, a);
            int target = KIND_OF(r->k[p]);
            ck_assert_msg(target != K_NONE, "%s arg %d: parameter %d is a K_NONE slot", r->name, a, p);
            if (kind == K_SOCKADDROUT)
                ck_assert_msg(target == K_SOCKLENINOUT, "%s arg %d: length pointer is kind %d",
                              r->name, a, target);
            else
                ck_assert_msg(target == K_SIZE || target == K_UINT || target == K_INT || target == K_LONG,
                              "%s arg %d: length/count argument %d is kind %d", r->name, a, p, target);
        }
    }
}
END_TEST

static void expect_row(int nr, const char *name, int ret, int k0, int k1, int k2, int k3, int k4, int k5)
{
    const struct row *r = find_row(nr);
    ck_assert_msg(r != NULL, "%d %s missing", nr, name);
    ck_assert_str_eq(r->name, name);
    ck_assert_int_eq(r->ret, ret);
    const int want[NSLOTS] = { k0, k1, k2, k3, k4, k5 };
    for (int a = 0; a < NSLOTS; a++)
        ck_assert_msg(r->k[a] == want[a], "%s arg %d: %#x, expected %#x", name, a, r->k[a], want[a]);
}

START_TEST(known_rows)
{
    expect_row(0, "syscall", R_INT, K_INT, K_HEX, K_HEX, K_HEX, K_HEX, K_HEX);
    expect_row(1, "exit", R_NONE, K_INT, K_NONE, K_NONE, K_NONE, K_NONE, K_NONE);
    expect_row(3, "read", R_SIZE, K_FD, KARG(BUFOUT, 2), K_SIZE, K_NONE, K_NONE, K_NONE);
    expect_row(4, "write", R_SIZE, K_FD, KARG(BUFIN, 2), K_SIZE, K_NONE, K_NONE, K_NONE);
    expect_row(5, "open", R_FD, K_PATH, K_OFLAGS, K_MODE, K_NONE, K_NONE, K_NONE);
    expect_row(17, "obreak", R_HEX, K_PTR, K_NONE, K_NONE, K_NONE, K_NONE, K_NONE);
    expect_row(42, "freebsd10_pipe", R_FD, K_NONE, K_NONE, K_NONE, K_NONE, K_NONE, K_NONE);
    expect_row(60, "umask", R_OCTAL, K_MODE, K_NONE, K_NONE, K_NONE, K_NONE, K_NONE);
    expect_row(189, "freebsd11_fstat", R_INT, K_FD, K_PTR, K_NONE, K_NONE, K_NONE, K_NONE);
    expect_row(198, "__syscall", R_INT, K_LONG, K_HEX, K_HEX, K_HEX, K_HEX, K_HEX);
    expect_row(202, "__sysctl", R_INT, KARG(SYSCTLMIB, 1), K_UINT, K_PTR, K_PTR, KARG(BUFIN, 5), K_SIZE);
    expect_row(431, "thr_exit", R_NONE, K_PTR, K_NONE, K_NONE, K_NONE, K_NONE, K_NONE);
    expect_row(454, "_umtx_op", R_INT, K_PTR, K_UMTXOP, K_LONG, K_PTR, K_PTR, K_NONE);
    expect_row(477, "mmap", R_HEX, K_PTR, K_SIZE, K_MMAPPROT, K_MMAPFLAGS, K_FD, K_OFF);
    expect_row(478, "lseek", R_OFF, K_FD, K_OFF, K_WHENCE, K_NONE, K_NONE, K_NONE);
    expect_row(551, "fstat", R_INT, K_FD, K_STATOUT, K_NONE, K_NONE, K_NONE, K_NONE);
    expect_row(560, "kevent", R_INT, K_FD, KARG(KEVENTIN, 2), K_INT, K_KEVENTOUT, K_INT, K_TIMESPECIN);
}
END_TEST

Suite *suite_fbsd_table(void)
{
    Suite *s = suite_create("fbsd_table");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, names_file_complete);
    tcase_add_test(tc, numbers_increasing);
    tcase_add_test(tc, names_unique);
    tcase_add_test(tc, names_agree);
    tcase_add_test(tc, entries_present);
    tcase_add_test(tc, kinds_valid);
    tcase_add_test(tc, known_rows);
    suite_add_tcase(s, tc);
    return s;
}
