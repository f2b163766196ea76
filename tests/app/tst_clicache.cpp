// hexmap-cli cache: the page-cache figures agree with the core probe; bad input gives a clear line and exit code.
#include "app/cli/exitcode.h"
#include "core/platform/pagecache.h"
#include "processrunner.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

using namespace hexmap;
using hexmap::testing::runProcess;

namespace {
constexpr std::uint64_t kMiB = 1ull << 20;

hexmap::testing::ProcessRun runCache(const QStringList &args)
{
    return runProcess(QStringLiteral(HEXMAP_CLI_PATH), QStringList{QStringLiteral("cache")} + args, {}, 60000);
}

QJsonObject jsonOf(const QString &out) { return QJsonDocument::fromJson(out.trimmed().toUtf8()).object(); }
} // namespace

class TestCliCache : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir{QDir::currentPath() + QStringLiteral("/clicache-XXXXXX")};
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    // 8 MiB synced, the last 4 MiB dropped from the cache, then 2 MiB at 0 rewritten (dirty).
    QString makeFile(const char *name, int *fdOut)
    {
        const QString p = path(name);
        const int fd = ::open(p.toLocal8Bit().constData(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        std::vector<char> buf(std::size_t(kMiB), 'q');
        bool ok = fd >= 0;
        for (std::uint64_t i = 0; ok && i < 8; ++i)
            ok = ::pwrite(fd, buf.data(), buf.size(), off_t(i * kMiB)) == ssize_t(buf.size());
        ok = ok && ::fdatasync(fd) == 0 && ::posix_fadvise(fd, off_t(4 * kMiB), off_t(4 * kMiB), POSIX_FADV_DONTNEED) == 0;
        for (std::uint64_t i = 0; ok && i < 2; ++i)
            ok = ::pwrite(fd, buf.data(), buf.size(), off_t(i * kMiB)) == ssize_t(buf.size());
        *fdOut = fd;
        return ok ? p : QString();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void jsonAgreesWithTheProbe()
    {
        int fd = -1;
        const QString p = makeFile("agree.bin", &fd);
        QVERIFY(!p.isEmpty());
        auto run = runCache({p, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        auto probe = PageCacheProbe::open(p.toStdString());
        QVERIFY(probe.ok());
        auto s = probe->probe({0, 8 * kMiB});
        QVERIFY(s.ok());
        const QJsonObject o = jsonOf(run.out);
        QCOMPARE(o.value("ok").toBool(), true);
        QCOMPARE(o.value("source").toString(), QString::fromLatin1(pageCacheSourceName(s->source)));
        QCOMPARE(o.value("page_size").toInteger(), qint64(PageCacheProbe::pageSize()));
        QCOMPARE(o.value("pages").toInteger(), qint64(8 * kMiB / PageCacheProbe::pageSize()));
        QCOMPARE(o.value("cached").toInteger(), qint64(s->cached));
        QCOMPARE(o.value("cached").toInteger(), qint64(4 * kMiB / PageCacheProbe::pageSize()));
        if (s->source == PageCacheSource::Cachestat) {
            // Dirty pages may move on to writeback between the two looks, never back.
            QCOMPARE(o.value("dirty").toInteger() + o.value("writeback").toInteger(), qint64(s->dirty + s->writeback));
            QCOMPARE(qint64(s->dirty + s->writeback), qint64(2 * kMiB / PageCacheProbe::pageSize()));
            QVERIFY(o.value("evicted").isDouble()); // known (a count) with cachestat
        } else {
            QVERIFY(o.value("dirty").isNull()); // mincore cannot tell
        }
        // A sub-range, text output.
        run = runCache({p, QStringLiteral("--offset"), QStringLiteral("4M"), QStringLiteral("--length"), QStringLiteral("1M")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("cached:     0 bytes (0 pages")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("source:     ")));
        run = runCache({p, QStringLiteral("--length"), QStringLiteral("1M"), QStringLiteral("--json")});
        QCOMPARE(jsonOf(run.out).value("cached").toInteger(), qint64(kMiB / PageCacheProbe::pageSize()));
        // --watch --count 2: two objects, one per line.
        run = runCache({p, QStringLiteral("--watch"), QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed().split('\n').size(), 2);
        ::close(fd);
    }

    void forcedFallbackStillAgrees()
    {
        // The CLI process uses whatever the kernel has; the probe forced to mincore must agree on residency.
        int fd = -1;
        const QString p = makeFile("fallback.bin", &fd);
        QVERIFY(!p.isEmpty());
        PageCacheProbe::forceMincore(true);
        auto probe = PageCacheProbe::open(p.toStdString());
        QVERIFY(probe.ok());
        auto s = probe->probe({0, 8 * kMiB});
        PageCacheProbe::forceMincore(false);
        QVERIFY(s.ok());
        QCOMPARE(s->source, PageCacheSource::Mincore);
        const auto run = runCache({p, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(jsonOf(run.out).value("cached").toInteger(), qint64(s->cached));
        ::close(fd);
    }

    void badInput()
    {
        const QString fifo = path("fifo");
        QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        auto run = runCache({fifo}); // must not wait for a writer
        QCOMPARE(run.exitCode, int(cli::ExitIoError));
        QVERIFY2(run.err.contains(QStringLiteral("cannot open")) && run.err.contains(fifo), qPrintable(run.err));
        QCOMPARE(run.err.trimmed().count('\n'), 0); // one line

        run = runCache({m_dir.path()});
        QCOMPARE(run.exitCode, int(cli::ExitIoError));
        QVERIFY(run.err.contains(QStringLiteral("directory")));

        run = runCache({path("missing.bin"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, int(cli::ExitIoError));
        QCOMPARE(jsonOf(run.out).value("ok").toBool(true), false);

        int fd = -1;
        const QString p = makeFile("range.bin", &fd);
        QVERIFY(!p.isEmpty());
        run = runCache({p, QStringLiteral("--offset"), QStringLiteral("9M")});
        QCOMPARE(run.exitCode, int(cli::ExitUsage));
        QVERIFY2(run.err.contains(QStringLiteral("past the end")), qPrintable(run.err));
        run = runCache({p, QStringLiteral("--length"), QStringLiteral("bogus")});
        QCOMPARE(run.exitCode, int(cli::ExitUsage));
        run = runCache({p, QStringLiteral("--watch"), QStringLiteral("--count"), QStringLiteral("0")});
        QCOMPARE(run.exitCode, int(cli::ExitUsage));
        run = runCache({});
        QCOMPARE(run.exitCode, int(cli::ExitUsage));
        run = runCache({QString()});
        QCOMPARE(run.exitCode, int(cli::ExitUsage));

        const QString empty = path("empty.bin");
        QCOMPARE(::close(::open(empty.toLocal8Bit().constData(), O_WRONLY | O_CREAT, 0600)), 0);
        run = runCache({empty, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(jsonOf(run.out).value("pages").toInteger(), 0);
        ::close(fd);
    }
};

QTEST_GUILESS_MAIN(TestCliCache)
#include "tst_clicache.moc"
