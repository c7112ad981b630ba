#include "StallSampler.h"

#include "StallProbe.h"

#include <cxxabi.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>

namespace stemcrate::bench {

namespace {

StallSampler* g_sampler = nullptr;
std::atomic<char> g_pendingState{'?'};
pthread_t g_guiThread;

int64_t monotonicNs()
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return int64_t(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// The thread's state letter from /proc/self/task/TID/stat (after the parenthesised name).
char threadState(int tid)
{
    char path[64], text[512];
    std::snprintf(path, sizeof path, "/proc/self/task/%d/stat", tid);
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return '?';
    const ssize_t n = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    if (n <= 0)
        return '?';
    text[n] = '\0';
    const char* close = std::strrchr(text, ')');
    return close && close[1] == ' ' ? close[2] : '?';
}

std::string symbolName(void* address)
{
    Dl_info info{};
    if (dladdr(address, &info) == 0 || !info.dli_sname) {
        // Not exported (a static or inline function): module and offset, for addr2line -f -C -e.
        char text[320];
        std::snprintf(text, sizeof text, "%s+0x%zx", info.dli_fname ? info.dli_fname : "?",
                      size_t(static_cast<char*>(address) - static_cast<char*>(info.dli_fbase)));
        return text;
    }
    int status = 0;
    char* demangled = abi::__cxa_demangle(info.dli_sname, nullptr, nullptr, &status);
    std::string name = status == 0 && demangled ? demangled : info.dli_sname;
    std::free(demangled);
    if (name.size() > 160)
        name = name.substr(0, 157) + "...";
    return name;
}

} // namespace

StallSampler::StallSampler(int afterMs, int everyMs) : m_ring(kRing), m_afterMs(afterMs), m_everyMs(everyMs)
{
    g_sampler = this;
    g_guiThread = pthread_self();
    m_guiTid = int(::syscall(SYS_gettid));
    void* warm[4];
    backtrace(warm, 4); // loads the unwinder now, not inside the first signal
    struct sigaction action
    {
    };
    action.sa_handler = &StallSampler::onSignal;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGRTMIN + 5, &action, nullptr);
    m_thread = std::thread([this] { run(); });
}

StallSampler::~StallSampler()
{
    m_stop = true;
    m_thread.join();
    signal(SIGRTMIN + 5, SIG_IGN);
    g_sampler = nullptr;
}

void StallSampler::onSignal(int)
{
    StallSampler* self = g_sampler;
    if (!self)
        return;
    const uint64_t index = self->m_written.load(std::memory_order_relaxed);
    Sample& s = self->m_ring[index % kRing];
    s.atNs = monotonicNs();
    s.state = g_pendingState.load(std::memory_order_relaxed);
    s.frames = backtrace(s.stack, kFrames);
    self->m_written.store(index + 1, std::memory_order_release);
}

void StallSampler::run()
{
    pthread_setname_np(pthread_self(), "stall-sampler");
    int64_t lastSampleNs = 0;
    while (!m_stop.load()) {
        ::usleep(1000);
        const int64_t now = monotonicNs();
        const int64_t last = StallProbe::lastTickNs();
        if (last == 0 || StallProbe::inIdleSleep() || now - last < int64_t(m_afterMs) * 1000000 ||
            now - lastSampleNs < int64_t(m_everyMs) * 1000000)
            continue;
        g_pendingState.store(threadState(m_guiTid), std::memory_order_relaxed);
        lastSampleNs = now;
        pthread_kill(g_guiThread, SIGRTMIN + 5);
    }
}

void StallSampler::keep(const std::string& label, int64_t startNs, int64_t endNs)
{
    Kept kept{label, {}};
    const uint64_t written = m_written.load(std::memory_order_acquire);
    for (uint64_t i = written > uint64_t(kRing) ? written - kRing : 0; i < written; ++i) {
        const Sample& s = m_ring[i % kRing];
        if (s.atNs >= startNs && s.atNs < endNs)
            kept.samples.push_back(s);
    }
    m_kept.push_back(std::move(kept));
}

void StallSampler::print(int maxFrames) const
{
    for (const Kept& kept : m_kept) {
        std::fprintf(stderr, "\n== stacks in own stall: %s (%zu samples)\n", kept.label.c_str(),
                     kept.samples.size());
        std::map<std::string, int> merged;
        std::vector<std::string> order;
        for (const Sample& s : kept.samples) {
            std::string text = std::string("  state ") + s.state + "\n";
            // Frames 0-1 are the handler and the signal trampoline.
            for (int f = 2; f < s.frames && f < maxFrames + 2; ++f)
                text += "    " + symbolName(s.stack[f]) + "\n";
            if (merged[text]++ == 0)
                order.push_back(text);
        }
        for (const std::string& text : order)
            std::fprintf(stderr, "  -- x%d\n%s", merged[text], text.c_str());
    }
}

} // namespace stemcrate::bench
