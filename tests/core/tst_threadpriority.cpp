// lowerThisThreadPriority: the calling thread's nice value goes up by the increment, a thread it starts afterwards
// inherits it, other threads (the GUI thread) keep theirs, and 0 changes nothing.
#include "core/threadpriority.h"

#include <QtTest>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <thread>

using namespace hexmap;

namespace {
int niceOfThisThread()
{
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
}
} // namespace

class TestThreadPriority : public QObject {
    Q_OBJECT
private slots:
    void lowersOnlyTheCallingThreadAndItsChildren();
};

void TestThreadPriority::lowersOnlyTheCallingThreadAndItsChildren()
{
    const int mainBefore = niceOfThisThread();
    int before = 0, after = 0, unchanged = 0, child = 0;
    bool lowered = false, zero = false;
    std::thread worker([&] {
        before = niceOfThisThread();
        zero = lowerThisThreadPriority(0);
        unchanged = niceOfThisThread();
        lowered = lowerThisThreadPriority(5);
        after = niceOfThisThread();
        std::thread reader([&] { child = niceOfThisThread(); });
        reader.join();
    });
    worker.join();
    QVERIFY(zero);
    QCOMPARE(unchanged, before);
    QVERIFY(lowered);
    QCOMPARE(after, std::min(before + 5, 19)); // the kernel caps nice at 19
    QCOMPARE(child, after);
    QCOMPARE(niceOfThisThread(), mainBefore);
}

QTEST_GUILESS_MAIN(TestThreadPriority)
#include "tst_threadpriority.moc"
