// The job engine: every operation, unaligned ranges, 1..8 threads, verified through pread against a reference.
#include "core/job.h"
#include "core/mappedfile.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <fcntl.h>
#include <mutex>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

using namespace hexmap;

namespace {

std::vector<std::byte> preadAll(const std::string &path)
{
    std::vector<std::byte> out;
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0)
        return out;
    struct stat st {};
    ::fstat(fd, &st);
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::pread(fd, out.data() + done, out.size() - done, static_cast<off_t>(done));
        if (n <= 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    out.resize(done);
    return out;
}

// A file whose byte i is (i * 7 + 3) & 0xff, so untouched bytes are recognisable.
MappedFile makeFile(const QTemporaryDir &dir, std::uint64_t size, std::vector<std::byte> *reference)
{
    auto file = MappedFile::create(dir.filePath(QStringLiteral("f.bin")).toStdString(), size);
    if (!file)
        return {};
    reference->resize(static_cast<std::size_t>(size));
    for (std::size_t i = 0; i < reference->size(); ++i)
        (*reference)[i] = static_cast<std::byte>((i * 7 + 3) & 0xff);
    if (!file->writeAllAt(0, *reference))
        return {};
    return file.value();
}

std::uint64_t allocatedBytes(const std::string &path)
{
    struct stat st {};
    ::stat(path.c_str(), &st);
    return static_cast<std::uint64_t>(st.st_blocks) * 512;
}

struct Finished {
    std::atomic<int> calls{0};
    JobSnapshot last;
};

std::unique_ptr<Job> makeJob(MappedFile file, const JobSpec &spec, Finished *finished)
{
    auto job = Job::create(std::move(file), spec);
    if (!job)
        return nullptr;
    job.value()->setCompletionCallback([finished](const JobSnapshot &s) {
        finished->last = s;
        finished->calls.fetch_add(1);
    });
    return std::move(job).value();
}

bool allPaused(const Job &job)
{
    const JobSnapshot s = job.snapshot();
    return std::all_of(s.workers.begin(), s.workers.end(),
                       [](const WorkerSnapshot &w) { return w.state == WorkerState::Paused; });
}

} // namespace

class TestJobEngine : public QObject {
    Q_OBJECT
private slots:
    void backgroundWorkersYieldTheCpu_data();
    void backgroundWorkersYieldTheCpu();
    void operations_data();
    void operations();
    void patternKeepsPhaseAcrossWorkers();
    void releaseSpaceFreesBlocks();
    void cancelMidJob_data();
    void cancelMidJob();
    void pauseShowsProgressThenCompletes();
    void overlappingJobRefused();
    void invalidSpecs();
    void syncRecordsDurableChunks();
};

void TestJobEngine::operations_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<quint64>("length");
    QTest::addColumn<int>("threads");
    QTest::addColumn<quint64>("chunk");
    QTest::addColumn<QByteArray>("pattern");
    const quint64 page = MappedFile::pageSize();
    const QByteArray none;
    for (int threads : {1, 2, 3, 8}) {
        const QByteArray t = QByteArray::number(threads);
        QTest::newRow("fill unaligned " + t) << int(JobOperation::Fill) << quint64(100) << 5 * page + 77 << threads << page << none;
        QTest::newRow("fill whole " + t) << int(JobOperation::Fill) << quint64(0) << quint64(0) << threads << quint64(0) << none;
        QTest::newRow("zero unaligned " + t) << int(JobOperation::Zero) << page - 1 << 9 * page + 2 << threads << 2 * page << none;
        QTest::newRow("zero release " + t) << int(JobOperation::Zero) + 100 << quint64(3) << 12 * page << threads << page << none;
        QTest::newRow("pattern 4 " + t) << int(JobOperation::Pattern) << quint64(5) << 7 * page + 3 << threads << page << QByteArray("\xDE\xAD\xBE\xEF", 4);
        QTest::newRow("pattern 7 " + t) << int(JobOperation::Pattern) << page + 1 << 6 * page << threads << page << QByteArray("ABCDEFG");
        QTest::newRow("pattern 1 " + t) << int(JobOperation::Pattern) << quint64(1) << quint64(1) << threads << page << QByteArray("Z");
        QTest::newRow("flush " + t) << int(JobOperation::Flush) << quint64(10) << 4 * page << threads << page << none;
        QTest::newRow("sync " + t) << int(JobOperation::Sync) << quint64(0) << quint64(0) << threads << page << none;
    }
    QTest::newRow("last byte") << int(JobOperation::Fill) << 16 * page - 1 << quint64(1) << 4 << page << none;
    QByteArray big(5000, '\0');
    for (int i = 0; i < big.size(); ++i)
        big[i] = char(i * 13 + 1);
    QTest::newRow("pattern 5000") << int(JobOperation::Pattern) << quint64(17) << 15 * page << 3 << page << big;
}

void TestJobEngine::operations()
{
    QFETCH(int, op);
    QFETCH(quint64, offset);
    QFETCH(quint64, length);
    QFETCH(int, threads);
    QFETCH(quint64, chunk);
    QFETCH(QByteArray, pattern);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::uint64_t size = 16 * MappedFile::pageSize();
    std::vector<std::byte> ref;
    MappedFile file = makeFile(dir, size, &ref);
    QVERIFY(file.isValid());
    if (length == 0)
        length = size - offset;

    JobSpec spec;
    const bool release = op >= 100;
    spec.operation = static_cast<JobOperation>(release ? op - 100 : op);
    spec.zeroMode = release ? ZeroMode::ReleaseSpace : ZeroMode::KeepSpace;
    spec.range = {offset, length};
    spec.threads = static_cast<unsigned>(threads);
    spec.chunkSize = chunk;
    spec.fillByte = std::byte{0xA5};
    for (char c : pattern)
        spec.pattern.push_back(static_cast<std::byte>(c));
    Finished finished;
    auto job = makeJob(file, spec, &finished);
    QVERIFY(job);
    QVERIFY(job->workerCount() >= 1 && job->workerCount() <= std::size_t(threads));
    QVERIFY(job->start().ok());
    job->wait();
    QCOMPARE(finished.calls.load(), 1);
    QCOMPARE(finished.last.state, JobState::Succeeded);
    QCOMPARE(job->snapshot().totalDone, length);

    // The independent reference.
    for (std::uint64_t i = offset; i < offset + length; ++i) {
        switch (spec.operation) {
        case JobOperation::Fill: ref[i] = std::byte{0xA5}; break;
        case JobOperation::Zero: ref[i] = std::byte{0}; break;
        case JobOperation::Pattern: ref[i] = spec.pattern[(i - offset) % spec.pattern.size()]; break;
        default: break;
        }
    }
    // Worker ranges: disjoint, in order, covering the range, every inner boundary page-aligned.
    const JobSnapshot s = job->snapshot();
    std::uint64_t cursor = offset;
    for (const WorkerSnapshot &w : s.workers) {
        QCOMPARE(w.range.offset, cursor);
        QCOMPARE(w.bytesDone, w.range.size);
        QCOMPARE(w.state, WorkerState::Done);
        if (w.range.end() != offset + length)
            QCOMPARE(w.range.end() % MappedFile::pageSize(), 0u);
        cursor = w.range.end();
    }
    QCOMPARE(cursor, offset + length);
    const auto onDisk = preadAll(file.path());
    QCOMPARE(onDisk.size(), ref.size());
    QVERIFY(onDisk == ref);
    // And through the mapping.
    QVERIFY(std::equal(ref.begin(), ref.end(), file.data()));
    QVERIFY(!file.isReserved({offset, length}));
}

void TestJobEngine::patternKeepsPhaseAcrossWorkers()
{
    QTemporaryDir dir;
    std::vector<std::byte> ref;
    const std::uint64_t page = MappedFile::pageSize();
    MappedFile file = makeFile(dir, 64 * page, &ref);
    QVERIFY(file.isValid());
    JobSpec spec;
    spec.operation = JobOperation::Pattern;
    spec.pattern = {std::byte{1}, std::byte{2}, std::byte{3}};
    spec.range = {1, 64 * page - 2};
    spec.threads = 8;
    spec.chunkSize = page;
    Finished finished;
    auto job = makeJob(file, spec, &finished);
    QVERIFY(job);
    QCOMPARE(job->workerCount(), std::size_t(8));
    QVERIFY(job->start().ok());
    job->wait();
    const auto onDisk = preadAll(file.path());
    for (const WorkerSnapshot &w : job->snapshot().workers) {
        // Each worker's first byte continues the pattern from the range start, not from its own start.
        const std::uint64_t first = w.range.offset;
        QCOMPARE(onDisk[first], spec.pattern[(first - 1) % 3]);
        QCOMPARE(onDisk[first - 1], first == 1 ? ref[0] : spec.pattern[(first - 2) % 3]);
    }
    QCOMPARE(onDisk.back(), ref.back());
}

void TestJobEngine::releaseSpaceFreesBlocks()
{
    QTemporaryDir dir;
    std::vector<std::byte> ref;
    const std::uint64_t size = 4u << 20;
    MappedFile file = makeFile(dir, size, &ref);
    QVERIFY(file.isValid());
    QVERIFY(file.sync().ok());
    const std::uint64_t before = allocatedBytes(file.path());
    QVERIFY(before >= size);
    JobSpec spec;
    spec.operation = JobOperation::Zero;
    spec.zeroMode = ZeroMode::ReleaseSpace;
    spec.range = {1000, size - 2000};
    spec.threads = 2;
    Finished finished;
    auto job = makeJob(file, spec, &finished);
    QVERIFY(job);
    QVERIFY(job->start().ok());
    job->wait();
    QCOMPARE(finished.last.state, JobState::Succeeded);
    std::fill(ref.begin() + 1000, ref.end() - 1000, std::byte{0});
    QVERIFY(preadAll(file.path()) == ref);
    QVERIFY(std::equal(ref.begin(), ref.end(), file.data()));
    const std::uint64_t after = allocatedBytes(file.path());
    QVERIFY2(after + (3u << 20) <= before,
             qPrintable(QStringLiteral("allocated %1 -> %2").arg(before).arg(after)));
}

void TestJobEngine::cancelMidJob_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("op");
    QTest::newRow("fill 1") << 1 << int(JobOperation::Fill);
    QTest::newRow("fill 2") << 2 << int(JobOperation::Fill);
    QTest::newRow("pattern 4") << 4 << int(JobOperation::Pattern);
    QTest::newRow("zero 3") << 3 << int(JobOperation::Zero);
}

void TestJobEngine::cancelMidJob()
{
    QFETCH(int, threads);
    QFETCH(int, op);
    QTemporaryDir dir;
    std::vector<std::byte> ref;
    const std::uint64_t page = MappedFile::pageSize();
    MappedFile file = makeFile(dir, 64 * page, &ref);
    QVERIFY(file.isValid());
    JobSpec spec;
    spec.operation = static_cast<JobOperation>(op);
    spec.range = {10, 64 * page - 20};
    spec.threads = static_cast<unsigned>(threads);
    spec.chunkSize = page;
    spec.fillByte = std::byte{0x5A};
    spec.pattern = {std::byte{0xC0}, std::byte{0xFF}, std::byte{0xEE}};
    Finished finished;
    auto job = makeJob(file, spec, &finished);
    QVERIFY(job);
    job->pauseAfterChunks(3);
    QVERIFY(job->start().ok());
    QTRY_VERIFY(allPaused(*job));
    QCOMPARE(job->snapshot().state, JobState::Running);
    QCOMPARE(finished.calls.load(), 0);
    job->cancel();
    job->wait();
    QCOMPARE(finished.calls.load(), 1);
    QCOMPARE(finished.last.state, JobState::Cancelled);
    QCOMPARE(finished.last.error, make_error_code(Errc::Cancelled));
    std::uint64_t total = 0;
    for (const WorkerSnapshot &w : finished.last.workers) {
        QCOMPARE(w.state, WorkerState::Cancelled);
        QVERIFY(w.bytesDone > 0 && w.bytesDone < w.range.size);
        QVERIFY(w.bytesDone <= 3 * page);
        total += w.bytesDone;
        for (std::uint64_t i = w.range.offset; i < w.range.offset + w.bytesDone; ++i)
            ref[i] = op == int(JobOperation::Fill) ? std::byte{0x5A}
                : op == int(JobOperation::Zero)    ? std::byte{0}
                                                   : spec.pattern[(i - 10) % 3];
    }
    QCOMPARE(finished.last.totalDone, total);
    QVERIFY(total < spec.range.size);
    QVERIFY(preadAll(file.path()) == ref); // written bytes exactly as reported, the rest untouched
    QVERIFY(!file.isReserved(spec.range));
}

void TestJobEngine::pauseShowsProgressThenCompletes()
{
    QTemporaryDir dir;
    std::vector<std::byte> ref;
    const std::uint64_t page = MappedFile::pageSize();
    MappedFile file = makeFile(dir, 32 * page, &ref);
    QVERIFY(file.isValid());
    JobSpec spec;
    spec.operation = JobOperation::Fill;
    spec.range = {0, 32 * page};
    spec.threads = 2;
    spec.chunkSize = page;
    Finished finished;
    auto job = makeJob(file, spec, &finished);
    QVERIFY(job);
    QCOMPARE(job->snapshot().state, JobState::NotStarted);
    QCOMPARE(job->snapshot().totalDone, 0u);
    job->pause();
    QVERIFY(job->start().ok());
    QVERIFY(!job->start().ok()); // only once
    QTRY_VERIFY(allPaused(*job));
    QCOMPARE(job->snapshot().totalDone, 0u);
    job->resume(8);
    QTRY_VERIFY(allPaused(*job));
    QCOMPARE(job->snapshot().totalDone, 16 * page); // half-way: 8 chunks per worker
    job->resume();
    QVERIFY(job->waitFor(std::chrono::minutes(1)));
    QCOMPARE(finished.calls.load(), 1);
    QCOMPARE(job->snapshot().state, JobState::Succeeded);
    QCOMPARE(job->snapshot().fraction(), 1.0);
}

void TestJobEngine::overlappingJobRefused()
{
    QTemporaryDir dir;
    std::vector<std::byte> ref;
    const std::uint64_t page = MappedFile::pageSize();
    MappedFile file = makeFile(dir, 32 * page, &ref);
    QVERIFY(file.isValid());
    JobSpec spec;
    spec.operation = JobOperation::Fill;
    spec.range = {0, 8 * page};
    Finished finished;
    auto first = makeJob(file, spec, &finished);
    QVERIFY(first);
    first->pause();
    QVERIFY(first->start().ok());
    JobSpec other = spec;
    other.range = {8 * page - 1, 4 * page};
    auto refused = Job::create(file, other);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.code(), make_error_code(Errc::RangeBusy));
    other.operation = JobOperation::Sync;
    QCOMPARE(Job::create(file, other).code(), make_error_code(Errc::RangeBusy));
    other.range = {8 * page, 4 * page};
    QVERIFY(Job::create(file, other).ok()); // adjacent is fine
    first->cancel();
    first->wait();
    other.range = {0, 4 * page};
    QVERIFY(Job::create(file, other).ok()); // free again once the job ended
}

void TestJobEngine::invalidSpecs()
{
    QTemporaryDir dir;
    std::vector<std::byte> ref;
    MappedFile file = makeFile(dir, 8192, &ref);
    QVERIFY(file.isValid());
    JobSpec spec;
    spec.range = {0, 0};
    QCOMPARE(Job::create(file, spec).code(), make_error_code(Errc::InvalidArgument));
    spec.range = {8000, 193};
    QCOMPARE(Job::create(file, spec).code(), make_error_code(Errc::OutOfBounds));
    spec.range = {1, UINT64_MAX};
    QCOMPARE(Job::create(file, spec).code(), make_error_code(Errc::OutOfBounds));
    spec.range = {0, 8192};
    spec.operation = JobOperation::Pattern;
    QCOMPARE(Job::create(file, spec).code(), make_error_code(Errc::InvalidArgument));
    spec.pattern.assign(JobSpec::kMaxPatternSize + 1, std::byte{1});
    QCOMPARE(Job::create(file, spec).code(), make_error_code(Errc::InvalidArgument));
    spec.pattern.assign(JobSpec::kMaxPatternSize, std::byte{1});
    QVERIFY(Job::create(file, spec).ok());
    auto readOnly = MappedFile::openReadOnly(file.path());
    QVERIFY(readOnly.ok());
    QCOMPARE(Job::create(readOnly.value(), spec).code(), make_error_code(Errc::NotWritable));
    QVERIFY(preadAll(file.path()) == ref);
}

void TestJobEngine::syncRecordsDurableChunks()
{
    QTemporaryDir dir;
    std::vector<std::byte> ref;
    const std::uint64_t page = MappedFile::pageSize();
    MappedFile file = makeFile(dir, 40 * page, &ref);
    QVERIFY(file.isValid());
    JobSpec spec;
    spec.operation = JobOperation::Fill;
    spec.range = {3, 40 * page - 3};
    spec.threads = 2;
    spec.chunkSize = page;
    spec.syncChunkSize = 4 * page;
    spec.syncWhenDone = true;
    Finished finished;
    auto job = makeJob(file, spec, &finished);
    QVERIFY(job);
    QVERIFY(job->start().ok());
    job->wait();
    QCOMPARE(finished.last.state, JobState::Succeeded);
    QCOMPARE(finished.last.totalSynced, spec.range.size);
    QCOMPARE(finished.last.syncedRanges().size(), finished.last.workers.size());

    spec.operation = JobOperation::Sync;
    spec.syncWhenDone = false;
    auto sync = makeJob(file, spec, &finished);
    QVERIFY(sync);
    sync->pauseAfterChunks(2);
    QVERIFY(sync->start().ok());
    QTRY_VERIFY(allPaused(*sync));
    for (const WorkerSnapshot &w : sync->snapshot().workers)
        QCOMPARE(w.bytesSynced, w.bytesDone); // a sync job's done bytes are its durable bytes
    sync->resume();
    sync->wait();
    QCOMPARE(finished.calls.load(), 2);
    QCOMPARE(sync->snapshot().totalSynced, spec.range.size);
}

void TestJobEngine::backgroundWorkersYieldTheCpu_data()
{
    QTest::addColumn<bool>("background");
    QTest::newRow("background (the GUI's jobs)") << true;
    QTest::newRow("foreground (the CLI's)") << false;
}

// JobSpec::background: every worker runs at the starting thread's nice value + 10 (capped at 19, the kernel's
// limit), so the GUI thread wins the CPU; without it the workers keep the starting thread's priority.
void TestJobEngine::backgroundWorkersYieldTheCpu()
{
    QFETCH(bool, background);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<std::byte> ref;
    MappedFile file = makeFile(dir, 16 * MappedFile::pageSize(), &ref);
    QVERIFY(file.isValid());
    JobSpec spec;
    spec.operation = JobOperation::Fill;
    spec.range = {0, file.size()};
    spec.threads = 4;
    spec.chunkSize = MappedFile::pageSize();
    spec.background = background;
    Finished finished;
    auto job = makeJob(file, spec, &finished);
    QVERIFY(job);
    std::mutex mutex;
    std::vector<int> nices;
    job->setChunkHook([&](ChunkPoint, ByteRange) {
        const int nice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
        std::lock_guard lock(mutex);
        nices.push_back(nice);
    });
    const int starter = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
    QVERIFY(job->start().ok());
    job->wait();
    QCOMPARE(finished.calls.load(), 1);
    QVERIFY(!nices.empty());
    const int expected = background ? std::min(starter + 10, 19) : starter;
    for (int nice : nices)
        QCOMPARE(nice, expected);
}

QTEST_GUILESS_MAIN(TestJobEngine)
#include "tst_jobengine.moc"
