// populatePages (common/MemoryPages.h): it populates exactly the whole pages inside the range it is given,
// checked page by page with mincore() on a fresh mapping (no huge pages, so the kernel maps 4 KB at a time).

#include "common/MemoryPages.h"

#include <QtTest>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <vector>

class TestMemoryPages : public QObject
{
    Q_OBJECT

private:
    static std::size_t page() { return static_cast<std::size_t>(sysconf(_SC_PAGESIZE)); }

    // Which of `pages` pages from `base` are resident.
    static std::vector<bool> resident(void* base, std::size_t pages)
    {
        std::vector<unsigned char> bits(pages);
        if (mincore(base, pages * page(), bits.data()) != 0)
            return {};
        std::vector<bool> out(pages);
        for (std::size_t i = 0; i < pages; ++i)
            out[i] = (bits[i] & 1) != 0;
        return out;
    }

private Q_SLOTS:
    void populatesTheWholePagesInside()
    {
        const std::size_t pages = 64, size = pages * page();
        void* map = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        QVERIFY(map != MAP_FAILED);
        QCOMPARE(madvise(map, size, MADV_NOHUGEPAGE), 0);
        auto* base = static_cast<char*>(map);
        const std::vector<bool> before = resident(map, pages);
        QCOMPARE(before.size(), pages);
        QCOMPARE(std::count(before.begin(), before.end(), true), 0);

        // From 100 bytes into page 3 to 10 bytes into page 40: pages 4 to 39 are wholly inside.
        QVERIFY(stemcrate::populatePages(base + 3 * page() + 100, 37 * page() - 90));
        const std::vector<bool> after = resident(map, pages);
        QCOMPARE(after.size(), pages);
        for (std::size_t i = 0; i < pages; ++i)
            QVERIFY2(after[i] == (i >= 4 && i < 40), qPrintable(QString("page %1").arg(i)));
        // Writable, and zero, without a fault changing them.
        QCOMPARE(base[20 * page()], '\0');
        base[20 * page()] = 1;
        QCOMPARE(base[20 * page()], '\1');

        // A range with no whole page populates nothing and is not an error.
        QVERIFY(stemcrate::populatePages(base + 50 * page() + 1, page() - 2));
        QVERIFY(stemcrate::populatePages(base + 51 * page(), 0));
        const std::vector<bool> last = resident(map, pages);
        QVERIFY(!last[50] && !last[51]);
        QCOMPARE(munmap(map, size), 0);
    }

    // Memory that is not this process's writable memory is refused, not populated.
    void refusesReadOnlyMemory()
    {
        const std::size_t size = 8 * page();
        void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        QVERIFY(map != MAP_FAILED);
        QVERIFY(!stemcrate::populatePages(map, size));
        QCOMPARE(munmap(map, size), 0);
    }
};

QTEST_GUILESS_MAIN(TestMemoryPages)
#include "tst_memory_pages.moc"
