/* cxxseh.cpp — mingw-w64 g++ exceptions (SEH-based: RaiseException,
 * .pdata unwinding, RtlUnwindEx) in the places samples/windows/cxxexc.cpp
 * does not reach, for tests/integration/win_seh.sh:
 *   - thrown by a function the C runtime calls back (_initterm), so the
 *     unwind crosses the runtime's own frames;
 *   - crossing a C frame with a __finally scope (__C_specific_handler),
 *     which runs during the C++ unwind;
 *   - passing a C __except filter, which sees code 0x20474343 and declines;
 *   - thrown and caught inside a destructor while another exception
 *     unwinds;
 *   - thrown and caught on another thread;
 *   - with "uncaught": nothing catches it, std::terminate runs (libstdc++
 *     prints "terminate called after throwing…", then abort()).
 * Exit status 0 (uncaught: abort's status, 3). */
#include <windows.h>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

extern "C" __declspec(dllimport) void __cdecl _initterm(void (**)(void), void (**)(void));

static void thrower()
{
    throw std::runtime_error("thrown from an _initterm callback");
}

static void through_initterm()
{
    void (*fns[])(void) = { thrower };
    try {
        _initterm(fns, fns + 1);
        std::printf("not reached\n");
    } catch (const std::exception &e) {
        std::printf("caught: %s\n", e.what());
    }
}

/* ---- a C frame with __finally around a C++ callback ---- */

extern "C" {
void (*volatile callback)(void);
__attribute__((used)) void c_finally(BOOLEAN abnormal, void *frame)
{
    (void)frame;
    std::printf("C __finally ran (abnormal %d)\n", abnormal);
}
__attribute__((used)) LONG c_filter(EXCEPTION_POINTERS *ep, void *frame)
{
    (void)frame;
    std::printf("C __except filter saw %08lx, declines\n", ep->ExceptionRecord->ExceptionCode);
    return EXCEPTION_CONTINUE_SEARCH;
}
}

__attribute__((noinline, noclone)) static void c_with_finally()
{
    __asm__ volatile(".Lcf_b:\n\t"
                     ".seh_handler __C_specific_handler, @except, @unwind\n\t"
                     ".seh_handlerdata\n\t.long 1\n\t"
                     ".rva .Lcf_b, .Lcf_e, c_finally\n\t.long 0\n\t.text");
    callback();
    __asm__ volatile("nop\n.Lcf_e:\n\tnop");
    std::printf("not reached\n");
}

__attribute__((noinline, noclone)) static void c_with_except()
{
    __asm__ volatile(".Lce_b:\n\t"
                     ".seh_handler __C_specific_handler, @except\n\t"
                     ".seh_handlerdata\n\t.long 1\n\t"
                     ".rva .Lce_b, .Lce_e, c_filter, .Lce_t\n\t.text");
    c_with_finally();
    __asm__ volatile("nop\n.Lce_e:\n\tnop\n.Lce_t:\n\tnop");
}

static void cxx_thrower()
{
    throw 42;
}

/* ---- an exception inside a destructor during unwinding ---- */

struct Careful {
    ~Careful()
    {
        try {
            throw std::string("inner");
        } catch (const std::string &s) {
            std::printf("destructor caught its own %s exception while unwinding (uncaught %d)\n", s.c_str(),
                        std::uncaught_exceptions());
        }
    }
};

static void unwind_with_careful()
{
    Careful c;
    throw std::logic_error("outer");
}

static DWORD WINAPI thread_fn(void *)
{
    try {
        throw std::out_of_range("on a thread");
    } catch (const std::exception &e) {
        std::printf("thread caught: %s\n", e.what());
        return 7;
    }
}

int main(int argc, char **argv)
{
    if (argc > 1 && !std::strcmp(argv[1], "uncaught")) {
        std::setvbuf(stdout, nullptr, _IONBF, 0);
        std::printf("throwing with no handler\n");
        throw std::runtime_error("nobody catches this");
    }
    through_initterm();
    callback = cxx_thrower;
    try {
        c_with_except();
        std::printf("not reached\n");
    } catch (int v) {
        std::printf("caught int %d after the C frames\n", v);
    }
    try {
        unwind_with_careful();
    } catch (const std::logic_error &e) {
        std::printf("caught: %s\n", e.what());
    }
    HANDLE t = CreateThread(nullptr, 0, thread_fn, nullptr, 0, nullptr);
    WaitForSingleObject(t, INFINITE);
    DWORD code = 0;
    GetExitCodeThread(t, &code);
    std::printf("thread exit code %lu\n", code);
    std::printf("done\n");
    return 0;
}
