#include "ThreadCensus.h"

#include <dirent.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace stemcrate::bench {

namespace {

// comm and nice from /proc/self/task/<tid>/stat; false if the thread is gone.
bool readStat(long tid, std::string& name, int& nice)
{
    std::ifstream in("/proc/self/task/" + std::to_string(tid) + "/stat");
    std::string text;
    if (!std::getline(in, text))
        return false;
    const size_t open = text.find('('), close = text.rfind(')');
    if (open == std::string::npos || close == std::string::npos)
        return false;
    name = text.substr(open + 1, close - open - 1);
    // After ")": state(3) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    // cutime cstime priority(18) nice(19).
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    for (int index = 3; index <= 19 && fields >> field; ++index)
        if (index == 19) {
            nice = std::stoi(field);
            return true;
        }
    return false;
}

bool readCpuNs(long tid, uint64_t& cpuNs)
{
    std::ifstream in("/proc/self/task/" + std::to_string(tid) + "/schedstat");
    return bool(in >> cpuNs);
}

} // namespace

ThreadCensus::ThreadCensus(std::chrono::milliseconds interval) : m_interval(interval) {}

ThreadCensus::~ThreadCensus()
{
    stop();
}

void ThreadCensus::start()
{
    m_stop = false;
    m_thread = std::thread([this] {
        m_selfTid = long(syscall(SYS_gettid));
        while (!m_stop.load()) {
            sampleOnce();
            std::this_thread::sleep_for(m_interval);
        }
        sampleOnce();
    });
}

void ThreadCensus::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void ThreadCensus::sampleOnce()
{
    DIR* dir = opendir("/proc/self/task");
    if (!dir)
        return;
    std::vector<long> tids;
    while (const dirent* entry = readdir(dir))
        if (entry->d_name[0] != '.')
            tids.push_back(std::strtol(entry->d_name, nullptr, 10));
    closedir(dir);
    for (const long tid : tids) {
        if (tid == m_selfTid)
            continue;
        std::string name;
        int nice = 0;
        uint64_t cpuNs = 0;
        if (!readStat(tid, name, nice) || !readCpuNs(tid, cpuNs))
            continue;
        const std::lock_guard lock(m_mutex);
        auto [it, added] = m_seen.try_emplace(tid);
        Seen& seen = it->second;
        if (added) {
            seen.lastCpuNs = cpuNs; // what it used before the census started is not counted
        } else if (cpuNs > seen.lastCpuNs) {
            // The time since the last sample is charged to the nice the thread has now (a renice at a job's
            // start is charged from the next sample on; 200 ms is short against a job).
            seen.cpuNsByNice[nice] += cpuNs - seen.lastCpuNs;
            seen.lastCpuNs = cpuNs;
        }
        seen.name = name; // threads may name themselves after they start
    }
}

std::vector<ThreadCensus::Row> ThreadCensus::rows() const
{
    std::map<std::pair<std::string, int>, Row> byKey;
    const std::lock_guard lock(m_mutex);
    for (const auto& [tid, seen] : m_seen)
        for (const auto& [nice, ns] : seen.cpuNsByNice) {
            Row& row = byKey[{seen.name, nice}];
            row.name = seen.name;
            row.nice = nice;
            row.threads += 1;
            row.cpuSeconds += double(ns) / 1e9;
        }
    std::vector<Row> rows;
    for (auto& [key, row] : byKey)
        rows.push_back(row);
    std::sort(rows.begin(), rows.end(),
              [](const Row& a, const Row& b) { return a.cpuSeconds > b.cpuSeconds; });
    return rows;
}

} // namespace stemcrate::bench
