/* cxxexc.cpp — C++ exceptions, which mingw-w64 g++ implements on top of
 * Windows SEH (RaiseException, .pdata unwinding, RtlUnwindEx): throw and
 * catch across several frames with destructors running in order, a
 * class hierarchy caught by base reference, std::runtime_error and
 * std::out_of_range with what(), catch (...) and rethrow with `throw;`,
 * an exception thrown from a qsort comparator unwinding through the C
 * runtime DLL's qsort, a constructor that throws after some members were
 * built, std::bad_alloc from an impossible new, std::exception_ptr, and
 * many throws in a loop.  Windows only (C++).  Exit status: 0.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds).  Expected output:
 * 1. int through three frames:
 *   construct depth1
 *   construct depth2
 *   construct depth3
 *   destroy depth3
 *   destroy depth2
 *   destroy depth1
 *   caught int 40
 *   construct depth1
 *   construct depth2
 *   construct depth3
 *   destroy depth3
 *   destroy depth2
 *   destroy depth1
 *   no throw gives 2
 * 2. hierarchy:
 *   caught as AppError: what() = DiskError, code 28
 *   caught std::exception: runtime trouble
 *   vector::at threw std::out_of_range
 * 3. rethrow:
 *   catch (...) in rethrower, rethrowing
 *   caught rethrown DiskError code 5
 * 4. through qsort:
 *   caught after 5 comparisons: thrown from inside qsort
 * 5. constructor throws:
 *   part 1 built
 *   part 2 built
 *   part 2 removed
 *   part 1 removed
 *   caught: part 3 is defective
 * 6. bad_alloc:
 *   caught std::bad_alloc
 * 7. exception_ptr:
 *   rethrown from exception_ptr: saved for later
 * 8. many throws:
 *   sum 667666
 * uncaught exceptions now: 0
 */
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

struct Tracer {
    std::string name;
    explicit Tracer(const std::string &n) : name(n) { std::printf("  construct %s\n", name.c_str()); }
    ~Tracer() { std::printf("  destroy %s\n", name.c_str()); }
};

struct AppError : std::exception {
    int code;
    explicit AppError(int c) : code(c) {}
    const char *what() const noexcept override { return "AppError"; }
};

struct DiskError : AppError {
    explicit DiskError(int c) : AppError(c) {}
    const char *what() const noexcept override { return "DiskError"; }
};

static int depth3(int v)
{
    Tracer t("depth3");
    if (v > 0)
        throw v * 10;
    return v;
}

static int depth2(int v)
{
    Tracer t("depth2");
    return depth3(v) + 1;
}

static int depth1(int v)
{
    Tracer t("depth1");
    return depth2(v) + 1;
}

static int compare_calls;

static int throwing_compare(const void *a, const void *b)
{
    int x = *static_cast<const int *>(a), y = *static_cast<const int *>(b);
    if (++compare_calls == 5)
        throw std::runtime_error("thrown from inside qsort");
    return (x > y) - (x < y);
}

struct Part {
    int id;
    explicit Part(int i) : id(i)
    {
        if (i == 3)
            throw std::invalid_argument("part 3 is defective");
        std::printf("  part %d built\n", id);
    }
    ~Part() { std::printf("  part %d removed\n", id); }
};

struct Machine {
    Part a, b, c;
    Machine() : a(1), b(2), c(3) { std::printf("  machine built\n"); }
};

static void rethrower()
{
    try {
        throw DiskError(5);
    } catch (...) {
        std::printf("  catch (...) in rethrower, rethrowing\n");
        throw;
    }
}

int main()
{
    std::printf("1. int through three frames:\n");
    try {
        depth1(4);
        std::printf("  not reached\n");
    } catch (int e) {
        std::printf("  caught int %d\n", e);
    }
    std::printf("  no throw gives %d\n", depth1(0));

    std::printf("2. hierarchy:\n");
    try {
        throw DiskError(28);
    } catch (const AppError &e) {
        std::printf("  caught as AppError: what() = %s, code %d\n", e.what(), e.code);
    }
    try {
        throw std::runtime_error("runtime trouble");
    } catch (const std::logic_error &) {
        std::printf("  wrong handler\n");
    } catch (const std::exception &e) {
        std::printf("  caught std::exception: %s\n", e.what());
    }
    try {
        std::vector<int> v(3);
        (void)v.at(10);
    } catch (const std::out_of_range &) {
        std::printf("  vector::at threw std::out_of_range\n");
    }

    std::printf("3. rethrow:\n");
    try {
        rethrower();
    } catch (const DiskError &e) {
        std::printf("  caught rethrown DiskError code %d\n", e.code);
    }

    std::printf("4. through qsort:\n");
    int nums[] = { 9, 3, 7, 1, 8, 2, 6, 4, 5, 0 };
    try {
        std::qsort(nums, 10, sizeof nums[0], throwing_compare);
        std::printf("  not reached\n");
    } catch (const std::runtime_error &e) {
        std::printf("  caught after %d comparisons: %s\n", compare_calls, e.what());
    }

    std::printf("5. constructor throws:\n");
    try {
        Machine m;
        std::printf("  not reached\n");
    } catch (const std::invalid_argument &e) {
        std::printf("  caught: %s\n", e.what());
    }

    std::printf("6. bad_alloc:\n");
    try {
        volatile std::size_t huge = static_cast<std::size_t>(1) << 62;
        char *p = new char[huge];
        std::printf("  not reached %p\n", static_cast<void *>(p));
    } catch (const std::bad_alloc &) {
        std::printf("  caught std::bad_alloc\n");
    }

    std::printf("7. exception_ptr:\n");
    std::exception_ptr saved;
    try {
        throw std::length_error("saved for later");
    } catch (...) {
        saved = std::current_exception();
    }
    try {
        std::rethrow_exception(saved);
    } catch (const std::length_error &e) {
        std::printf("  rethrown from exception_ptr: %s\n", e.what());
    }

    std::printf("8. many throws:\n");
    long sum = 0;
    for (int i = 0; i < 2000; i++) {
        try {
            if (i % 3 == 0)
                throw i;
            sum += 1;
        } catch (int v) {
            sum += v;
        }
    }
    std::printf("  sum %ld\n", sum);
    std::printf("uncaught exceptions now: %d\n", std::uncaught_exceptions());
    return 0;
}
