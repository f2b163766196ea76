// Jobs on a file too large to map (issue 18): with HEXMAP_MAP_LIMIT=1 the same job (several chunks, 2 threads) writes
// exactly what it writes on a mapped copy (compared byte for byte), and a job whose file another program cuts
// between a chunk's check and its write fails with Errc::FileTruncated and never regrows the file.
#include "unmappedtesthelpers.h"

#include "core/job.h"
#include "core/mappedfile.h"

#include <QtTest>

#include <atomic>
#include <cstdint>
#include <vector>

using namespace hexmap;
using namespace enginetest;
using namespace unmappedtest;

class TestUnmappedJobs : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void jobsMatchTheMappedPath_data()
    {
        QTest::addColumn<int>("operation");
        QTest::addColumn<quint64>("offset");
        QTest::addColumn<quint64>("length");
        QTest::newRow("fill") << int(JobOperation::Fill) << quint64(13) << quint64((7u << 20) + 5);
        QTest::newRow("pattern 7") << int(JobOperation::Pattern) << quint64(1) << quint64((7u << 20) + 100);
        QTest::newRow("pattern 4 aligned") << int(JobOperation::Pattern) << quint64(page()) << quint64(6u << 20);
        QTest::newRow("zero") << int(JobOperation::Zero) << quint64(1000) << quint64((5u << 20) + 3);
    }
    void jobsMatchTheMappedPath()
    {
        QFETCH(int, operation);
        QFETCH(quint64, offset);
        QFETCH(quint64, length);
        const std::uint64_t size = (8u << 20) + 77;
        const auto initial = patternBytes(0, size, 10);
        const std::string mappedPath = pathIn(m_dir, "job-mapped.bin");
        const std::string unmappedPath = pathIn(m_dir, "job-unmapped.bin");
        QVERIFY(writeFile(mappedPath, initial));
        QVERIFY(writeFile(unmappedPath, initial));
        JobSpec spec;
        spec.operation = JobOperation(operation);
        spec.range = {offset, length};
        spec.threads = 2;
        spec.chunkSize = (3u << 20) + page(); // several chunks per worker, each more than one unmapped piece
        spec.fillByte = std::byte{0xC3};
        spec.pattern = operation == int(JobOperation::Pattern) && offset == 1
            ? std::vector<std::byte>{std::byte{1}, std::byte{2}, std::byte{3}, std::byte{4}, std::byte{5}, std::byte{6}, std::byte{7}}
            : std::vector<std::byte>{std::byte{0xDE}, std::byte{0xAD}, std::byte{0xBE}, std::byte{0xEF}};
        spec.syncWhenDone = true;
        {
            const MapLimit unset{QByteArray()};
            auto mapped = MappedFile::openReadWrite(mappedPath);
            QVERIFY(mapped);
            QVERIFY(mapped->isMapped());
            QCOMPARE(runJob(*mapped, spec).state, JobState::Succeeded);
        }
        {
            const MapLimit limit("1");
            auto unmapped = MappedFile::openReadWrite(unmappedPath);
            QVERIFY(unmapped);
            QVERIFY(!unmapped->isMapped());
            const JobSnapshot s = runJob(*unmapped, spec);
            QCOMPARE(s.state, JobState::Succeeded);
            QCOMPARE(s.totalDone, length);
            QVERIFY(s.workers.size() == 2);
        }
        const auto mappedBytes = preadBytes(mappedPath, 0, size + 1);
        const auto unmappedBytes = preadBytes(unmappedPath, 0, size + 1);
        QCOMPARE(unmappedBytes.size(), std::size_t(size));
        QVERIFY(unmappedBytes == mappedBytes);
        QVERIFY(unmappedBytes != initial);
        // And both against the reference.
        auto model = initial;
        for (std::uint64_t i = offset; i < offset + length; ++i)
            model[i] = spec.operation == JobOperation::Fill   ? spec.fillByte
                : spec.operation == JobOperation::Zero        ? std::byte{0}
                                                              : spec.pattern[(i - offset) % spec.pattern.size()];
        QVERIFY(unmappedBytes == model);
    }

    void jobCutMidChunk_data()
    {
        QTest::addColumn<int>("operation");
        QTest::newRow("fill") << int(JobOperation::Fill);
        QTest::newRow("pattern") << int(JobOperation::Pattern);
        QTest::newRow("zero") << int(JobOperation::Zero);
    }
    void jobCutMidChunk()
    {
        QFETCH(int, operation);
        const std::uint64_t size = 8u << 20;
        const std::string path = pathIn(m_dir, "jobcut.bin");
        QVERIFY(writeFile(path, std::vector<std::byte>(size, std::byte{0x11})));
        const MapLimit limit("1");
        auto file = MappedFile::openReadWrite(path);
        QVERIFY(file);
        QVERIFY(!file->isMapped());
        JobSpec spec;
        spec.operation = JobOperation(operation);
        spec.range = {0, size};
        spec.threads = 1;
        spec.chunkSize = 1u << 20;
        spec.fillByte = std::byte{0x5A};
        spec.pattern = {std::byte{0x5A}, std::byte{0x5B}, std::byte{0x5C}};
        auto created = Job::create(*file, spec);
        QVERIFY2(created.ok(), created.message().c_str());
        Job &job = *created.value();
        const std::uint64_t target = 2u << 20;
        const std::uint64_t cut = target + (1u << 19);
        std::atomic<int> truncated{-2};
        job.setChunkHook([&, path, target, cut](ChunkPoint at, ByteRange chunk) {
            if (at == ChunkPoint::Checked && chunk.offset == target && truncated.load() == -2)
                truncated.store(::truncate(path.c_str(), static_cast<off_t>(cut)));
        });
        QVERIFY(job.start().ok());
        job.wait();
        QCOMPARE(truncated.load(), 0);
        const JobSnapshot s = job.snapshot();
        QCOMPARE(s.state, JobState::Failed);
        QCOMPARE(s.error, make_error_code(Errc::FileTruncated));
        QVERIFY2(s.message == path + ": the file was truncated on disk", s.message.c_str());
        QCOMPARE(std::uint64_t(statOf(path).st_size), cut);
        QCOMPARE(file->sizeOnDisk().value(), cut);
    }

};

QTEST_GUILESS_MAIN(TestUnmappedJobs)
#include "tst_unmappedjobs.moc"
