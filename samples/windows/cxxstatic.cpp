/* cxxstatic.cpp — C++ start-up and shut-down and the library around it:
 * global objects constructed before main in definition order, a
 * function-local static constructed on first use, atexit handlers and
 * static destructors interleaved in reverse order of registration after
 * main returns, plus std::string, std::vector, std::map, std::sort,
 * std::to_string, std::ostringstream and std::cout sharing stdout with
 * printf.  Windows only (C++).  Exit status: 0.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds).  Expected output:
 * construct global A
 * construct global B (static)
 * dynamic initializer of an int
 * construct global C
 * main starts, dynamic_int = 42
 * first call of lazy()
 * construct function-local static
 * second call of lazy(): function-local static
 * sorted: alpha,bravo,charlie,delta
 * counts: x=3, y=2, z=1
 * ostringstream: 3.25 1e+06 42 ff
 * to_string: -17 2.500000
 * printf after cout keeps the order
 * main returns
 * destroy function-local static
 * atexit handler
 * destroy global C
 * destroy global B (static)
 * destroy global A
 */
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

struct Noisy {
    const char *name;
    explicit Noisy(const char *n) : name(n) { std::printf("construct %s\n", name); }
    ~Noisy() { std::printf("destroy %s\n", name); }
};

Noisy first_global("global A");
static Noisy second_global("global B (static)");

static int initialized_by_function()
{
    std::printf("dynamic initializer of an int\n");
    return 42;
}

int dynamic_int = initialized_by_function();
Noisy third_global("global C");

static Noisy &lazy()
{
    static Noisy instance("function-local static");
    return instance;
}

static void at_exit_handler()
{
    std::printf("atexit handler\n");
}

int main()
{
    std::printf("main starts, dynamic_int = %d\n", dynamic_int);
    std::atexit(at_exit_handler);
    std::printf("first call of lazy()\n");
    lazy();
    std::printf("second call of lazy(): %s\n", lazy().name);

    std::vector<std::string> words = { "delta", "alpha", "charlie", "bravo" };
    std::sort(words.begin(), words.end());
    std::string joined;
    for (const auto &w : words)
        joined += (joined.empty() ? "" : ",") + w;
    std::cout << "sorted: " << joined << std::endl;

    std::map<std::string, int> counts;
    for (const char *w : { "x", "y", "x", "z", "x", "y" })
        counts[w]++;
    const char *sep = "counts:";
    for (const auto &kv : counts) {
        std::cout << sep << " " << kv.first << "=" << kv.second;
        sep = ",";
    }
    std::cout << "\n";

    std::ostringstream os;
    os << 3.25 << " " << 1e6 << " " << 42 << " " << std::hex << 255;
    std::cout << "ostringstream: " << os.str() << "\n";
    std::cout << "to_string: " << std::to_string(-17) << " " << std::to_string(2.5) << std::endl;
    std::printf("printf after cout keeps the order\n");
    std::printf("main returns\n");
    return 0;
}
