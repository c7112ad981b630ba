#include "StallSampler.h"

#include "StallProbe.h"
#include "SymbolName.h"

#include <cxxabi.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <functional>
#include <map>
#include <set>

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

int otherSignal()
{
    return SIGRTMIN + 6;
}

// The thread's name (comm); empty if it is gone.
std::string threadName(int tid)
{
    char path[64], text[32] = {};
    std::snprintf(path, sizeof path, "/proc/self/task/%d/comm", tid);
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    const ssize_t n = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    std::string name(text, size_t(std::max<ssize_t>(n, 0)));
    while (!name.empty() && name.back() == '\n')
        name.pop_back();
    return name;
}

// Where a stack is in the process's allocator: the exported entry point (free, malloc, realloc, ...) it is
// in, judged by its innermost frames: the allocator library's own (glibc's static helpers such as _int_free
// have no exported name) up to the first frame outside libc and libmimalloc (mimalloc's outermost frame then
// names it: mi_free, free or operator delete, one address). Empty when it is not in the allocator.
std::string allocatorEntry(void* const* stack, int frames)
{
    static const std::set<std::string> entries = {"malloc",
                                                  "free",
                                                  "realloc",
                                                  "calloc",
                                                  "cfree",
                                                  "memalign",
                                                  "posix_memalign",
                                                  "aligned_alloc",
                                                  "valloc",
                                                  "pvalloc",
                                                  "malloc_trim",
                                                  "mallinfo",
                                                  "mallinfo2",
                                                  "malloc_stats",
                                                  "malloc_info",
                                                  "__libc_malloc",
                                                  "__libc_free",
                                                  "__libc_realloc",
                                                  "__libc_calloc",
                                                  "__libc_memalign",
                                                  "malloc_usable_size"};
    std::string inMimalloc; // the outermost mimalloc frame so far: its entry points share addresses (aliases)
    for (int f = 0; f < frames; ++f) {
        Dl_info info{};
        if (dladdr(stack[f], &info) == 0)
            return inMimalloc;
        if (info.dli_sname && entries.count(info.dli_sname))
            return info.dli_sname;
        if (info.dli_fname && std::strstr(info.dli_fname, "/libmimalloc.so")) {
            inMimalloc = info.dli_sname ? info.dli_sname : "mimalloc";
            continue;
        }
        if (!info.dli_fname || !std::strstr(info.dli_fname, "/libc.so"))
            return inMimalloc;
    }
    return inMimalloc;
}

bool waitsForLock(void* const* stack, int frames)
{
    for (int f = 0; f < frames && f < 4; ++f) {
        Dl_info info{};
        if (dladdr(stack[f], &info) != 0 && info.dli_sname &&
            std::strcmp(info.dli_sname, "__lll_lock_wait_private") == 0)
            return true;
    }
    return false;
}

using testsupport::symbolName;

// CONFIG_HZ from a kernel config's lines, 0 when absent.
long configHz(std::FILE* file)
{
    char line[256];
    long hz = 0;
    while (std::fgets(line, sizeof line, file))
        if (std::sscanf(line, "CONFIG_HZ=%ld", &hz) == 1)
            break;
    return hz;
}

// The kernel's tick in ns, from CONFIG_HZ in /boot/config-<release> or else the running kernel's own
// /proc/config.gz (read through gzip, which every Debian system has); 0 when neither can be read.
int64_t kernelTickNs()
{
    utsname name{};
    long hz = 0;
    if (uname(&name) == 0) {
        if (std::FILE* file = std::fopen((std::string("/boot/config-") + name.release).c_str(), "r")) {
            hz = configHz(file);
            std::fclose(file);
        }
    }
    if (hz <= 0 && ::access("/proc/config.gz", R_OK) == 0) {
        if (std::FILE* pipe = ::popen("gzip -dc /proc/config.gz 2>/dev/null", "r")) {
            hz = configHz(pipe);
            while (std::fgetc(pipe) != EOF) {
            } // read to the end, so that gzip ends by itself
            ::pclose(pipe);
        }
    }
    return hz > 0 ? 1000000000 / hz : 0;
}

} // namespace

StallSampler::StallSampler(int afterMs, int everyMs, bool othersToo)
    : m_ring(kRing), m_afterMs(afterMs), m_everyMs(everyMs), m_othersToo(othersToo)
{
    if (othersToo)
        m_others = std::vector<OtherSample>(kOtherRing);
    if (const int64_t tick = kernelTickNs(); tick > 0)
        m_tickNs = tick;
    g_sampler = this;
    g_guiThread = pthread_self();
    m_guiTid = int(::syscall(SYS_gettid));
    void* warm[4];
    backtrace(warm, 4); // loads the unwinder now, not inside the first signal
    struct sigaction action
    {
    };
    action.sa_sigaction = &StallSampler::onSignal;
    action.sa_flags = SA_RESTART | SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    sigaction(SIGRTMIN + 5, &action, nullptr);
    if (othersToo) {
        struct sigaction other
        {
        };
        other.sa_sigaction = &StallSampler::onOtherSignal;
        other.sa_flags = SA_RESTART | SA_SIGINFO;
        sigemptyset(&other.sa_mask);
        sigaction(otherSignal(), &other, nullptr);
    }
    // Samples by the GUI thread's own CPU time as well: a thread that runs where the sampler thread cannot
    // (both want the same core) is sampled where it spends its CPU. Asked-for samples alone land where the
    // thread was preempted: queued, they are answered together there once it runs again.
    clockid_t cpuClock{};
    sigevent event{};
    event.sigev_notify = SIGEV_THREAD_ID;
    event.sigev_signo = SIGRTMIN + 5;
    event._sigev_un._tid = m_guiTid;
    if (pthread_getcpuclockid(pthread_self(), &cpuClock) == 0 &&
        timer_create(cpuClock, &event, &m_cpuTimer) == 0) {
        m_haveCpuTimer = true;
        const long periodNs = 1000000; // 1 ms of the GUI thread's CPU
        const itimerspec period{{0, periodNs}, {0, periodNs}};
        timer_settime(m_cpuTimer, 0, &period, nullptr);
    }
    m_thread = std::thread([this] { run(); });
}

StallSampler::~StallSampler()
{
    m_stop = true;
    m_thread.join();
    if (m_haveCpuTimer)
        timer_delete(m_cpuTimer);
    signal(SIGRTMIN + 5, SIG_IGN);
    if (m_othersToo)
        signal(otherSignal(), SIG_IGN);
    g_sampler = nullptr;
}

void StallSampler::onSignal(int, siginfo_t* info, void*)
{
    StallSampler* self = g_sampler;
    if (!self)
        return;
    const int64_t now = monotonicNs();
    const bool cpuTimed = info->si_code == SI_TIMER;
    // A CPU-timed sample is kept from kSeenAfterMs into a gap (outside the harness's idle sleep), with its
    // stack from afterMs on, as the sampler asks: the early ones only tell unseenCpuMs that a tick saw the
    // thread run.
    bool withStack = true;
    if (cpuTimed) {
        const int64_t last = StallProbe::lastTickNs();
        if (last == 0 || StallProbe::inIdleSleep() || now - last < kSeenAfterMs * 1000000)
            return;
        withStack = now - last >= int64_t(self->m_afterMs) * 1000000;
    }
    const uint64_t index = self->m_written.load(std::memory_order_relaxed);
    Sample& s = self->m_ring[index % kRing];
    s.atNs = now;
    s.cpuTimed = cpuTimed;
    s.requestNs = cpuTimed ? now : int64_t(reinterpret_cast<intptr_t>(info->si_value.sival_ptr));
    timespec cpu{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
    s.threadCpuNs = int64_t(cpu.tv_sec) * 1000000000 + cpu.tv_nsec;
    rusage usage{};
    s.switches = getrusage(RUSAGE_THREAD, &usage) == 0 ? usage.ru_nvcsw + usage.ru_nivcsw : -1;
    s.state = g_pendingState.load(std::memory_order_relaxed);
    s.frames = withStack ? backtrace(s.stack, kFrames) : 0;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
    s.handlerCpuNs = int64_t(cpu.tv_sec) * 1000000000 + cpu.tv_nsec - s.threadCpuNs;
    self->m_written.store(index + 1, std::memory_order_release);
}

void StallSampler::onOtherSignal(int, siginfo_t* info, void*)
{
    StallSampler* self = g_sampler;
    if (!self || self->m_others.empty())
        return;
    const uint64_t index = uint64_t(uint32_t(info->si_value.sival_int));
    OtherSample& s = self->m_others[index % kOtherRing];
    if (s.index.load(std::memory_order_acquire) != index)
        return; // the slot was asked for again since
    s.handledNs = monotonicNs();
    s.frames = backtrace(s.stack, kFrames);
    s.ready.store(true, std::memory_order_release);
}

void StallSampler::sampleOthers(int64_t now)
{
    DIR* dir = ::opendir("/proc/self/task");
    if (!dir)
        return;
    const int pid = ::getpid();
    while (const dirent* entry = ::readdir(dir)) {
        const int tid = std::atoi(entry->d_name);
        if (tid <= 0 || tid == m_guiTid || tid == m_samplerTid)
            continue;
        // Indices fit the signal's 32-bit value; a slot is reused after kOtherRing requests.
        const uint64_t index = m_othersAsked.fetch_add(1) & 0xffffffffu;
        OtherSample& s = m_others[index % kOtherRing];
        s.ready.store(false, std::memory_order_relaxed);
        s.requestNs = now;
        s.handledNs = 0;
        s.frames = 0;
        s.tid = tid;
        s.state = threadState(tid);
        const std::string name = threadName(tid);
        std::snprintf(s.name, sizeof s.name, "%s", name.c_str());
        s.index.store(index, std::memory_order_release);
        siginfo_t info{};
        info.si_signo = otherSignal();
        info.si_code = SI_QUEUE;
        info.si_pid = pid;
        info.si_uid = ::getuid();
        info.si_value.sival_int = int(uint32_t(index));
        ::syscall(SYS_rt_tgsigqueueinfo, pid, tid, otherSignal(), &info);
    }
    ::closedir(dir);
}

void StallSampler::run()
{
    pthread_setname_np(pthread_self(), "stall-sampler");
    m_samplerTid = int(::syscall(SYS_gettid));
    int64_t lastSampleNs = 0;
    while (!m_stop.load()) {
        ::usleep(1000);
        const int64_t now = monotonicNs();
        const int64_t last = StallProbe::lastTickNs();
        if (last == 0 || StallProbe::inIdleSleep() || now - last < int64_t(m_afterMs) * 1000000 ||
            now - lastSampleNs < int64_t(m_everyMs) * 1000000)
            continue;
        const char state = threadState(m_guiTid);
        g_pendingState.store(state, std::memory_order_relaxed);
        lastSampleNs = now;
        // The request's time travels with the (queued, real-time) signal: a thread that does not run
        // between two requests answers both at once, where it is when it runs again.
        pthread_sigqueue(g_guiThread, SIGRTMIN + 5,
                         sigval{.sival_ptr = reinterpret_cast<void*>(intptr_t(now))});
        // Asleep outside the idle sleep: waiting for something another thread may hold.
        if (m_othersToo && (state == 'S' || state == 'D'))
            sampleOthers(now);
    }
}

void StallSampler::forEachSample(int64_t startNs, int64_t endNs,
                                 const std::function<void(const Sample&)>& use) const
{
    const uint64_t written = m_written.load(std::memory_order_acquire);
    for (uint64_t i = written > uint64_t(kRing) ? written - kRing : 0; i < written; ++i) {
        const Sample& s = m_ring[i % kRing];
        if (s.atNs >= startNs && s.atNs < endNs)
            use(s);
    }
}

void StallSampler::keep(const std::string& label, int64_t startNs, int64_t endNs)
{
    Kept kept{label, {}, {}, startNs};
    forEachSample(startNs, endNs, [&](const Sample& s) { kept.samples.push_back(s); });
    const uint64_t asked = m_othersAsked.load();
    for (uint64_t i = asked > uint64_t(kOtherRing) ? asked - kOtherRing : 0; i < asked; ++i) {
        const OtherSample& s = m_others[i % kOtherRing];
        if (s.index.load(std::memory_order_acquire) != (i & 0xffffffffu) || s.requestNs < startNs ||
            s.requestNs >= endNs)
            continue;
        OtherCopy copy{i & 0xffffffffu, s.requestNs, 0, s.tid, s.state, s.name, {}};
        if (s.ready.load(std::memory_order_acquire)) {
            copy.handledNs = s.handledNs;
            copy.stack.assign(s.stack, s.stack + s.frames);
        }
        kept.others.push_back(std::move(copy));
    }
    m_kept.push_back(std::move(kept));
}

double StallSampler::unseenCpuMs(int64_t startNs, int64_t endNs, int64_t startCpuNs, int64_t endCpuNs) const
{
    if (!m_haveCpuTimer)
        return 0.0;
    // The thread's CPU clock where something saw it: the gap's ends and each CPU-timed sample between.
    std::vector<int64_t> seen{startCpuNs};
    forEachSample(startNs, endNs, [&](const Sample& s) {
        if (s.cpuTimed)
            seen.push_back(s.threadCpuNs);
    });
    seen.push_back(endCpuNs);
    // A running thread's 1 ms CPU timer fires at every tick; allow two ticks and the timer's period between
    // sightings, and the delay before the first one is kept.
    const int64_t allowanceNs = 2 * m_tickNs + 1000000;
    double unseenNs = 0;
    for (size_t i = 0; i + 1 < seen.size(); ++i) {
        const int64_t allowed = allowanceNs + (i == 0 ? kSeenAfterMs * 1000000 : 0);
        unseenNs += double(std::max<int64_t>(0, seen[i + 1] - seen[i] - allowed));
    }
    return unseenNs / 1e6;
}

void StallSampler::print(int maxFrames) const
{
    for (const Kept& kept : m_kept) {
        std::fprintf(stderr, "\n== stacks in own stall: %s (%zu samples)\n", kept.label.c_str(),
                     kept.samples.size());
        std::map<std::string, int> merged;
        std::vector<std::string> order;
        for (const Sample& s : kept.samples) {
            if (s.frames == 0)
                continue; // an early CPU-timed sample: a tick, no stack
            std::string text = s.cpuTimed ? std::string("  running (by its CPU time)\n")
                                          : std::string("  asked for, state ") + s.state + "\n";
            // Frames 0-1 are the handler and the signal trampoline.
            for (int f = 2; f < s.frames && f < maxFrames + 2; ++f)
                text += "    " + symbolName(s.stack[f]) + "\n";
            if (merged[text]++ == 0)
                order.push_back(text);
        }
        for (const std::string& text : order)
            std::fprintf(stderr, "  -- x%d\n%s", merged[text], text.c_str());
        printTimes(kept);
        if (m_othersToo)
            printOthers(kept.others, kept.startNs, maxFrames);
    }
}

void StallSampler::printTimes(const Kept& kept) const
{
    // Per sample, from the gap's start (ms): when it was asked for (or taken by CPU time), when the GUI
    // thread answered, its handler's CPU, and the CPU and switches since the previous answer. Answers that
    // come late and together, with no CPU between them, were queued while the thread did not run (waiting
    // for a core): their stack is where it was preempted, not where the gap's CPU went.
    std::string line;
    const Sample* previous = nullptr;
    for (const Sample& s : kept.samples) {
        char item[160];
        if (s.cpuTimed)
            std::snprintf(item, sizeof item, "\n    by CPU time at %.1f, pc %p",
                          double(s.atNs - kept.startNs) / 1e6, s.frames > 2 ? s.stack[2] : nullptr);
        else
            std::snprintf(item, sizeof item, "\n    asked %.1f, answered %.1f, pc %p",
                          double(s.requestNs - kept.startNs) / 1e6, double(s.atNs - kept.startNs) / 1e6,
                          s.frames > 2 ? s.stack[2] : nullptr);
        line += item;
        std::snprintf(item, sizeof item, ", handler %.2f ms", double(s.handlerCpuNs) / 1e6);
        line += item;
        if (previous) {
            std::snprintf(item, sizeof item, ", cpu +%.2f ms since the previous answer, %ld switches",
                          double(s.threadCpuNs - previous->threadCpuNs) / 1e6,
                          s.switches - previous->switches);
            line += item;
        }
        previous = &s;
    }
    std::fprintf(stderr, "  sample times (ms from the gap's start):%s\n", line.c_str());
}

void StallSampler::printOthers(const std::vector<OtherCopy>& others, int64_t startNs, int maxFrames) const
{
    struct Thread
    {
        std::string name, states, allocatorAtMs;
        int samples = 0, answered = 0, inAllocator = 0, waiting = 0;
        double latestAnswerMs = 0;
        std::map<std::string, int> stacks; // in-allocator stacks, merged
    };
    std::map<int, Thread> threads;
    for (const OtherCopy& copy : others) {
        Thread& t = threads[copy.tid];
        t.name = copy.name;
        t.states += copy.state;
        ++t.samples;
        std::vector<void*> stack = copy.stack;
        int64_t handledNs = copy.handledNs;
        const OtherSample& slot = m_others[copy.index % kOtherRing];
        if (stack.empty() && slot.index.load() == copy.index && slot.ready.load()) { // answered after keep()
            stack.assign(slot.stack, slot.stack + slot.frames);
            handledNs = slot.handledNs;
        }
        if (stack.size() <= 2)
            continue;
        ++t.answered;
        t.latestAnswerMs = std::max(t.latestAnswerMs, double(handledNs - copy.requestNs) / 1e6);
        // Frames 0-1 are the handler and the signal trampoline.
        const std::string entry = allocatorEntry(stack.data() + 2, int(stack.size()) - 2);
        if (entry.empty())
            continue;
        ++t.inAllocator;
        const bool waiting = waitsForLock(stack.data() + 2, int(stack.size()) - 2);
        t.waiting += waiting;
        std::string text =
            "      in " + entry + (waiting ? ", waiting for a lock" : "") + ", state " + copy.state + "\n";
        t.allocatorAtMs += " " + std::to_string((copy.requestNs - startNs) / 1000000);
        for (size_t f = 2; f < stack.size() && int(f) < maxFrames + 2; ++f)
            text += "        " + symbolName(stack[f]) + "\n";
        ++t.stacks[text];
    }
    int inAllocator = 0, answered = 0;
    std::string runnable;
    for (const auto& [tid, t] : threads) {
        inAllocator += t.inAllocator > 0;
        answered += t.answered;
        if (t.states.find('R') != std::string::npos)
            runnable += " " + t.name + "(" + std::to_string(tid) + "):" + t.states;
    }
    std::fprintf(
        stderr,
        "  other threads: %zu sampled (%zu requests, %d answered), %d inside the allocator; runnable "
        "at a request:%s\n",
        threads.size(), others.size(), answered, inAllocator, runnable.empty() ? " none" : runnable.c_str());
    for (const auto& [tid, t] : threads) {
        if (t.inAllocator == 0)
            continue;
        std::fprintf(stderr,
                     "    thread %d \"%s\": %d of %d samples inside the allocator (%d waiting for a lock), "
                     "at ms%s of the gap; states %s, answered %d, the latest %.1f ms after the request\n",
                     tid, t.name.c_str(), t.inAllocator, t.samples, t.waiting, t.allocatorAtMs.c_str(),
                     t.states.c_str(), t.answered, t.latestAnswerMs);
        for (const auto& [text, count] : t.stacks)
            std::fprintf(stderr, "     x%d\n%s", count, text.c_str());
    }
}

} // namespace stemcrate::bench
