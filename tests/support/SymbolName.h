#pragma once
// symbolName(address): a code address as a readable name for the stall benchmarks' stacks (StallSampler,
// MainArenaFrees): the demangled exported symbol that contains it, or, for a static or inline function with
// no exported name, "module+0xoffset" (for addr2line -f -C -e). Long names are cut to `maxLength`.
// Linux/glibc (dladdr); any thread; not async-signal-safe (call it after sampling, not in a handler).

#include <cxxabi.h>
#include <dlfcn.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace stemcrate::testsupport {

inline std::string symbolName(void* address, size_t maxLength = 160)
{
    Dl_info info{};
    if (::dladdr(address, &info) == 0 || !info.dli_sname) {
        char text[320];
        std::snprintf(text, sizeof text, "%s+0x%zx", info.dli_fname ? info.dli_fname : "?",
                      size_t(static_cast<char*>(address) - static_cast<char*>(info.dli_fbase)));
        return text;
    }
    int status = 0;
    char* demangled = abi::__cxa_demangle(info.dli_sname, nullptr, nullptr, &status);
    std::string name = status == 0 && demangled ? demangled : info.dli_sname;
    std::free(demangled);
    if (name.size() > maxLength)
        name = name.substr(0, maxLength - 3) + "...";
    return name;
}

} // namespace stemcrate::testsupport
