// In-place insert/delete save (issue 15): ShiftPlan + ShiftSave + the shift journal and its recovery.
// - random layouts from random insert/delete sequences (a small model, shiftmodel.h) on files of 0 B to 2 MiB,
//   saved with tiny chunks so that there are many steps and overlaps, checked byte for byte with pread;
// - a simulated crash (the hook stops the save as if the process died) at random steps and points, including in
//   the middle of a step's write, then recoverSaveJournal(): the file equals the new document exactly;
// - a torn newest progress record falls back to the one before; an uncommitted journal is discarded (file
//   untouched); cancel before and during the moves; every refused input leaves the file untouched;
// - ENOSPC while growing on a full loop-mounted ext4 leaves the file unchanged (root only).
#include "core/fileidentity.h"
#include "core/journalrecovery.h"
#include "core/savejournal.h"
#include "core/shiftjournal.h"
#include "core/shiftjournalformat.h"
#include "core/shiftjournalreader.h"
#include "core/shiftplan.h"
#include "core/shiftsave.h"
#include "enginetesthelpers.h"
#include "fullext4.h"
#include "shiftmodel.h"

#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace hexmap;
using namespace shifttest;

namespace {

bool writeFile(const std::string &path, const std::vector<std::byte> &bytes)
{
    const int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const bool ok = bytes.empty() || ::write(fd, bytes.data(), bytes.size()) == ssize_t(bytes.size());
    ::close(fd);
    return ok;
}

std::vector<std::byte> readFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = f.readAll();
    const auto *p = reinterpret_cast<const std::byte *>(all.constData());
    return std::vector<std::byte>(p, p + all.size());
}

struct SaveRun {
    Status status;
    ShiftOutcome outcome = ShiftOutcome::NotRun;
    ShiftProgress progress;
};

SaveRun save(const std::string &path, SaveLayout layout, ShiftSaveOptions options,
             std::function<void(ShiftSave &)> before = {})
{
    SaveRun r;
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        r.status = Error::fromErrno(errno, path);
        return r;
    }
    auto id = fileIdentityOf(fd, path);
    ShiftSave s(fd, path, *id, std::move(layout), std::move(options));
    if (before)
        before(s);
    r.status = s.run();
    r.outcome = s.outcome();
    r.progress = s.progress();
    ::close(fd);
    return r;
}

QString firstDifference(const std::vector<std::byte> &got, const std::vector<std::byte> &want)
{
    if (got.size() != want.size())
        return QStringLiteral("size %1, expected %2").arg(got.size()).arg(want.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        if (got[i] != want[i])
            return QStringLiteral("byte %1 is %2, expected %3").arg(i).arg(int(got[i])).arg(int(want[i]));
    return {};
}

} // namespace

class TestShiftSave : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void planNeverOverwritesALaterSource();
    void randomLayouts();
    void insertAndDeleteShapes_data();
    void insertAndDeleteShapes();
    void crashAnywhereThenRecover();
    void tornNewestRecordFallsBack();
    void uncommittedJournalIsDiscarded();
    void committedBeforeGrowingIsCompleted();
    void cancelBeforeAnyMove();
    void cancelMidwayIsPendingThenCompleted();
    void refusedLayouts_data();
    void refusedLayouts();
    void fileChangedSinceOpened();
    void pendingJournalBlocksANewSave();
    void enospcWhileGrowing();

private:
    std::string file(const char *name) const { return enginetest::pathIn(m_dir, name); }
    bool journalsEmpty() const { return QDir(m_journals.path()).entryList(QDir::Files).isEmpty(); }
    QTemporaryDir m_dir;
    QTemporaryDir m_journals;
};

void TestShiftSave::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_journals.isValid());
}

void TestShiftSave::init() { qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(m_journals.path())); }

void TestShiftSave::planNeverOverwritesALaterSource()
{
    // The ordering claim of core/shiftplan.h, checked directly: no step's destination overlaps the source of any
    // later step, every moved byte is in exactly one step, and `overlaps` is set exactly when a step's destination
    // overlaps its own source.
    std::mt19937_64 rng(4242);
    for (int round = 0; round < 300; ++round) {
        const std::uint64_t size = rng() % 3000;
        const Model m = randomEdits(rng, size, 1 + int(rng() % 8), 500, 600);
        auto plan = ShiftPlan::create(m.layout(), size, 1 + rng() % 100, 1 + rng() % 200);
        QVERIFY2(plan.ok(), plan.message().c_str());
        std::vector<ShiftStep> steps;
        std::uint64_t moved = 0;
        for (std::size_t k = 0; k < plan->stepCount(); ++k) {
            steps.push_back(plan->step(k));
            moved += steps.back().length;
            const ByteRange src = {steps.back().src, steps.back().length};
            const ByteRange dst = {steps.back().dst, steps.back().length};
            QCOMPARE(steps.back().overlaps, src.overlaps(dst));
            QVERIFY(steps.back().src != steps.back().dst);
        }
        QCOMPARE(moved, plan->bytesToMove());
        for (std::size_t i = 0; i < steps.size(); ++i)
            for (std::size_t j = i + 1; j < steps.size(); ++j)
                QVERIFY2(!ByteRange({steps[i].dst, steps[i].length}).overlaps(ByteRange({steps[j].src, steps[j].length})),
                         qPrintable(QStringLiteral("round %1: step %2 writes over the source of step %3").arg(round).arg(i).arg(j)));
    }
}

void TestShiftSave::randomLayouts()
{
    std::mt19937_64 rng(15);
    const std::string path = file("random.bin");
    for (int round = 0; round < 300; ++round) {
        const bool big = round % 20 == 0;
        const std::uint64_t size = big ? (rng() % (2u << 20)) : (round % 7 == 0 ? 0 : rng() % 5000);
        const std::vector<std::byte> original = randomBytes(rng, size);
        const Model m = randomEdits(rng, size, 1 + int(rng() % 8), big ? 300000 : 700, big ? 300000 : 900);
        const SaveLayout layout = m.layout();
        const std::vector<std::byte> expected = materialize(layout, original);
        QVERIFY(writeFile(path, original));
        ShiftSaveOptions o;
        o.chunkSize = big ? 4096 + rng() % 70000 : 1 + rng() % 300;
        o.directShiftMin = 1 + rng() % (big ? 100000 : 400);
        o.durable = round % 10 == 3;
        o.journal = round % 10 != 7;
        const SaveRun r = save(path, layout, o);
        QVERIFY2(r.status.ok(), r.status.message().c_str());
        QCOMPARE(r.outcome, ShiftOutcome::Saved);
        QCOMPARE(r.progress.bytesDone, r.progress.bytesTotal);
        const QString diff = firstDifference(readFile(path), expected);
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("round %1 (size %2, chunk %3): %4")
                                                .arg(round).arg(size).arg(o.chunkSize).arg(diff)));
        QVERIFY(journalsEmpty());
    }
}

void TestShiftSave::insertAndDeleteShapes_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<qint64>("change"); // > 0: insert that many bytes; < 0: delete
    QTest::addColumn<quint64>("chunk");
    QTest::newRow("insert 1 at 4096 of 1 MiB, 64 KiB chunks (overlapping)") << quint64(1 << 20) << quint64(4096) << qint64(1) << quint64(65536);
    QTest::newRow("delete 1 at 4096 of 1 MiB") << quint64(1 << 20) << quint64(4096) << qint64(-1) << quint64(65536);
    QTest::newRow("insert 200 KiB at 0 (chunks shorter than the shift)") << quint64(1 << 20) << quint64(0) << qint64(200 << 10) << quint64(65536);
    QTest::newRow("delete 300 KiB at 10") << quint64(1 << 20) << quint64(10) << qint64(-(300 << 10)) << quint64(65536);
    QTest::newRow("append at the end") << quint64(5000) << quint64(5000) << qint64(7) << quint64(64);
    QTest::newRow("insert into an empty file") << quint64(0) << quint64(0) << qint64(10) << quint64(3);
    QTest::newRow("delete everything") << quint64(5000) << quint64(0) << qint64(-5000) << quint64(64);
    QTest::newRow("delete the tail") << quint64(5000) << quint64(4000) << qint64(-1000) << quint64(64);
}

void TestShiftSave::insertAndDeleteShapes()
{
    QFETCH(quint64, size);
    QFETCH(quint64, offset);
    QFETCH(qint64, change);
    QFETCH(quint64, chunk);
    std::mt19937_64 rng(size + offset);
    const std::vector<std::byte> original = randomBytes(rng, size);
    Model m = originalModel(size);
    if (change > 0)
        m.insert(offset, {SavePiece::Kind::Memory, 0, quint64(change), 0,
                          std::make_shared<std::vector<std::byte>>(randomBytes(rng, std::size_t(change)))});
    else
        m.remove(offset, quint64(-change));
    const std::string path = file("shape.bin");
    QVERIFY(writeFile(path, original));
    ShiftSaveOptions o;
    o.chunkSize = chunk;
    const SaveRun r = save(path, m.layout(), o);
    QVERIFY2(r.status.ok(), r.status.message().c_str());
    const QString diff = firstDifference(readFile(path), materialize(m.layout(), original));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(journalsEmpty());
}

void TestShiftSave::crashAnywhereThenRecover()
{
    std::mt19937_64 rng(1515);
    const std::string path = file("crash.bin");
    int completed = 0;
    for (int round = 0; round < 200; ++round) {
        const std::uint64_t size = rng() % 6000;
        const std::vector<std::byte> original = randomBytes(rng, size);
        const Model m = randomEdits(rng, size, 1 + int(rng() % 6), 800, 900);
        const SaveLayout layout = m.layout();
        const std::vector<std::byte> expected = materialize(layout, original);
        QVERIFY(writeFile(path, original));
        ShiftSaveOptions o;
        o.chunkSize = 1 + rng() % 200;
        o.directShiftMin = 1 + rng() % 300;
        o.durable = round % 8 == 0;
        auto plan = ShiftPlan::create(layout, size, o.chunkSize, o.directShiftMin);
        QVERIFY(plan.ok());
        const std::uint64_t steps = plan->stepCount();
        const auto point = static_cast<ShiftPoint>(rng() % 5);
        const std::uint64_t at = point >= ShiftPoint::BeforeFinish ? steps : (steps ? rng() % steps : 0);
        bool crashed = false;
        o.hook = [&](ShiftPoint p, std::uint64_t step) {
            if (p == point && step == at) {
                crashed = true;
                return ShiftHookAction::Crash;
            }
            return ShiftHookAction::Continue;
        };
        const SaveRun r = save(path, layout, o);
        if (!crashed) { // a noop plan, or no step with that point (a step of one byte has no torn half)
            QVERIFY2(r.status.ok(), r.status.message().c_str());
        } else {
            QCOMPARE(r.outcome, ShiftOutcome::Pending);
            const QFileInfoList journals = QDir(m_journals.path()).entryInfoList(QDir::Files);
            QCOMPARE(journals.size(), 1);
            { // the journal says how the save ordered its writes, so that its recovery does the same
                const int jfd = ::open(QFile::encodeName(journals[0].filePath()).constData(), O_RDONLY | O_CLOEXEC);
                auto contents = readShiftJournal(jfd, journals[0].filePath().toStdString());
                ::close(jfd);
                QVERIFY(contents.ok() && contents->committed);
                QCOMPARE(contents->durable, o.durable);
            }
            // Bounded: the plan (with the inserted bytes), its commit record and two slots of one chunk each.
            std::uint64_t inserted = 0;
            for (const SavePiece &p : layout)
                inserted += p.kind == SavePiece::Kind::Original ? 0 : p.length + 64;
            QVERIFY2(std::uint64_t(journals[0].size()) <= 3 * 4096 + 2 * o.chunkSize + inserted + 48 * layout.size(),
                     qPrintable(QString::number(journals[0].size())));
            const JournalRecovery rec = recoverSaveJournal(path);
            QVERIFY2(rec.outcome == JournalOutcome::Replayed, rec.message().c_str());
            QVERIFY(rec.insertDelete);
            QVERIFY2(QString::fromStdString(rec.message()).startsWith(QStringLiteral("Completed an interrupted insert/delete save of")),
                     rec.message().c_str());
            ++completed;
        }
        const QString diff = firstDifference(readFile(path), expected);
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("round %1, point %2, step %3 of %4: %5")
                                                .arg(round).arg(int(point)).arg(at).arg(steps).arg(diff)));
        QVERIFY(journalsEmpty());
    }
    QVERIFY2(completed > 100, qPrintable(QString::number(completed)));
}

void TestShiftSave::tornNewestRecordFallsBack()
{
    // Stop before step 5 is written; its record (a pre-image: 1-byte shift) is then torn by hand: the recovery must
    // fall back to step 4's record and redo step 5 from the file, whose source step 5 never touched.
    std::mt19937_64 rng(7);
    const std::vector<std::byte> original = randomBytes(rng, 4000);
    Model m = originalModel(4000);
    m.insert(100, {SavePiece::Kind::Fill, 0, 1, 0, std::make_shared<std::vector<std::byte>>(1, std::byte{0xAA})});
    const std::string path = file("torn.bin");
    QVERIFY(writeFile(path, original));
    ShiftSaveOptions o;
    o.chunkSize = 100;
    o.hook = [](ShiftPoint p, std::uint64_t step) {
        return p == ShiftPoint::BeforeWrite && step == 5 ? ShiftHookAction::Crash : ShiftHookAction::Continue;
    };
    const SaveRun r = save(path, m.layout(), o);
    QCOMPARE(r.outcome, ShiftOutcome::Pending);
    const QStringList journals = QDir(m_journals.path()).entryList(QDir::Files);
    QCOMPARE(journals.size(), 1);
    const std::string journal = QDir(m_journals.path()).filePath(journals[0]).toStdString();
    // Tear slot 1 (step 5's record): damage a byte of its payload.
    const int fd = ::open(journal.c_str(), O_RDWR);
    QVERIFY(fd >= 0);
    struct stat st {};
    QVERIFY(::fstat(fd, &st) == 0);
    std::uint64_t slot1 = 0;
    for (std::uint64_t at = 4096; at + 32 <= std::uint64_t(st.st_size); at += 4096) { // find the record of step 5
        std::uint64_t step = 0;
        std::uint32_t kind = 0;
        QVERIFY(::pread(fd, &kind, 4, off_t(at)) == 4);
        QVERIFY(::pread(fd, &step, 8, off_t(at + 8)) == 8);
        if (kind == shiftformat::SlotPreImage && step == 5)
            slot1 = at;
    }
    QVERIFY(slot1 != 0);
    const char junk = 0x5A;
    QVERIFY(::pwrite(fd, &junk, 1, off_t(slot1 + 40)) == 1);
    ::close(fd);
    const JournalRecovery rec = recoverSaveJournal(path);
    QVERIFY2(rec.outcome == JournalOutcome::Replayed, rec.message().c_str());
    QCOMPARE(rec.ranges, std::uint64_t(39 - 4)); // steps 4..38 were run (4 again, from its own pre-image)
    const QString diff = firstDifference(readFile(path), materialize(m.layout(), original));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestShiftSave::uncommittedJournalIsDiscarded()
{
    std::mt19937_64 rng(8);
    const std::vector<std::byte> original = randomBytes(rng, 3000);
    const std::string path = file("uncommitted.bin");
    QVERIFY(writeFile(path, original));
    Model m = originalModel(3000);
    m.remove(10, 20);
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    auto id = fileIdentityOf(fd, path);
    ::close(fd);
    auto plan = ShiftPlan::create(m.layout(), 3000, 64, 64);
    QVERIFY(plan.ok());
    {
        auto journal = ShiftJournal::begin(*id, path);
        QVERIFY2(journal.ok(), journal.message().c_str());
        QVERIFY(journal->writePlan(*plan, *id, path).ok());
        // Cut the commit record off, as if the process died while writing it.
        QVERIFY(::truncate(journal->path().c_str(), 100) == 0);
    }
    const JournalRecovery rec = recoverSaveJournal(path);
    QCOMPARE(rec.outcome, JournalOutcome::Discarded);
    QVERIFY(rec.insertDelete);
    QVERIFY2(rec.message().find("never committed") != std::string::npos, rec.message().c_str());
    QVERIFY(readFile(path) == original);
    QVERIFY(journalsEmpty());
}

void TestShiftSave::committedBeforeGrowingIsCompleted()
{
    // Killed right after the plan was committed, before the file was grown or any byte moved: the next open
    // grows it and does the whole save.
    std::mt19937_64 rng(14);
    const std::vector<std::byte> original = randomBytes(rng, 3000);
    const std::string path = file("committed.bin");
    QVERIFY(writeFile(path, original));
    Model m = originalModel(3000);
    m.insert(1000, {SavePiece::Kind::Memory, 0, 500, 0, std::make_shared<std::vector<std::byte>>(randomBytes(rng, 500))});
    m.remove(10, 20);
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    auto id = fileIdentityOf(fd, path);
    ::close(fd);
    auto plan = ShiftPlan::create(m.layout(), 3000, 64, 64);
    QVERIFY(plan.ok());
    {
        auto journal = ShiftJournal::begin(*id, path);
        QVERIFY2(journal.ok(), journal.message().c_str());
        QVERIFY(journal->writePlan(*plan, *id, path).ok());
    } // the process dies here
    QCOMPARE(readFile(path).size(), std::size_t(3000));
    const JournalRecovery rec = recoverSaveJournal(path);
    QVERIFY2(rec.outcome == JournalOutcome::Replayed, rec.message().c_str());
    QCOMPARE(rec.newSize, std::uint64_t(3480));
    QVERIFY(readFile(path) == materialize(m.layout(), original));
    QVERIFY(journalsEmpty());
}

void TestShiftSave::cancelBeforeAnyMove()
{
    std::mt19937_64 rng(9);
    const std::vector<std::byte> original = randomBytes(rng, 3000);
    const std::string path = file("cancel0.bin");
    QVERIFY(writeFile(path, original));
    Model m = originalModel(3000);
    m.insert(5, {SavePiece::Kind::Fill, 0, 5000, 0, std::make_shared<std::vector<std::byte>>(1, std::byte{1})});
    const SaveRun r = save(path, m.layout(), ShiftSaveOptions{64, 64, true, false, {}}, [&](ShiftSave &s) { s.cancel(); });
    QCOMPARE(r.status.code(), std::error_code(Errc::Cancelled));
    QCOMPARE(r.outcome, ShiftOutcome::Unchanged);
    QVERIFY(readFile(path) == original);
    QVERIFY(journalsEmpty());
}

void TestShiftSave::cancelMidwayIsPendingThenCompleted()
{
    std::mt19937_64 rng(10);
    const std::vector<std::byte> original = randomBytes(rng, 30000);
    const std::string path = file("cancel.bin");
    QVERIFY(writeFile(path, original));
    Model m = originalModel(30000);
    m.insert(5, {SavePiece::Kind::Fill, 0, 3, 0, std::make_shared<std::vector<std::byte>>(1, std::byte{1})});
    ShiftSave *self = nullptr;
    ShiftSaveOptions o;
    o.chunkSize = 1000;
    o.hook = [&](ShiftPoint p, std::uint64_t step) {
        if (p == ShiftPoint::AfterWrite && step == 3)
            self->cancel();
        return ShiftHookAction::Continue;
    };
    const SaveRun r = save(path, m.layout(), o, [&](ShiftSave &s) { self = &s; });
    QCOMPARE(r.status.code(), std::error_code(Errc::Cancelled));
    QCOMPARE(r.outcome, ShiftOutcome::Pending);
    QCOMPARE(r.progress.stepsDone, std::uint64_t(4));
    QVERIFY2(r.status.message().find("the next open of the file completes it") != std::string::npos,
             r.status.message().c_str());
    const JournalRecovery rec = recoverSaveJournal(path);
    QVERIFY2(rec.outcome == JournalOutcome::Replayed, rec.message().c_str());
    QVERIFY(readFile(path) == materialize(m.layout(), original));
}

void TestShiftSave::refusedLayouts_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("named");
    QTest::newRow("empty piece") << 0 << "piece 1 (Memory, dst 10, length 0): empty piece";
    QTest::newRow("gap in dst") << 1 << "dst should be 10";
    QTest::newRow("original past the end") << 2 << "passes the end of the 100-byte file";
    QTest::newRow("originals out of order") << 3 << "src 0 is not after the previous Original piece (which ends at 50)";
    QTest::newRow("memory bytes too short") << 4 << "pass the end of its 3-byte buffer";
    QTest::newRow("fill without pattern") << 5 << "a Fill piece needs a pattern";
}

void TestShiftSave::refusedLayouts()
{
    QFETCH(int, which);
    QFETCH(QString, named);
    const auto three = std::make_shared<std::vector<std::byte>>(3, std::byte{7});
    using K = SavePiece::Kind;
    const SaveLayout layouts[] = {
        {{K::Original, 0, 10, 0, nullptr}, {K::Memory, 10, 0, 0, three}},
        {{K::Original, 0, 10, 0, nullptr}, {K::Memory, 11, 3, 0, three}},
        {{K::Original, 0, 10, 95, nullptr}},
        {{K::Original, 0, 10, 40, nullptr}, {K::Original, 10, 10, 0, nullptr}},
        {{K::Memory, 0, 4, 0, three}},
        {{K::Fill, 0, 4, 0, nullptr}},
    };
    std::mt19937_64 rng(11);
    const std::vector<std::byte> original = randomBytes(rng, 100);
    const std::string path = file("refused.bin");
    QVERIFY(writeFile(path, original));
    const SaveRun r = save(path, layouts[which], {});
    QCOMPARE(r.status.code(), std::error_code(Errc::InvalidArgument));
    QVERIFY2(QString::fromStdString(r.status.message()).contains(named), r.status.message().c_str());
    QCOMPARE(r.outcome, ShiftOutcome::Unchanged);
    QVERIFY(readFile(path) == original);
    QVERIFY(journalsEmpty());
}

void TestShiftSave::fileChangedSinceOpened()
{
    const std::string path = file("changed.bin");
    QVERIFY(writeFile(path, std::vector<std::byte>(100, std::byte{3})));
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    auto id = fileIdentityOf(fd, path);
    QVERIFY(id.ok());
    QVERIFY(::pwrite(fd, "x", 1, 100) == 1); // another program appends a byte
    Model m = originalModel(100);
    m.remove(0, 10);
    ShiftSave s(fd, path, *id, m.layout());
    const Status st = s.run();
    ::close(fd);
    QCOMPARE(st.code(), std::error_code(Errc::FileChanged));
    QVERIFY2(st.message().find(path + " was extended by another program") != std::string::npos, st.message().c_str());
    QCOMPARE(readFile(path).size(), std::size_t(101));
    QVERIFY(journalsEmpty());
}

void TestShiftSave::pendingJournalBlocksANewSave()
{
    std::mt19937_64 rng(12);
    const std::vector<std::byte> original = randomBytes(rng, 1000);
    const std::string path = file("pending.bin");
    QVERIFY(writeFile(path, original));
    Model m = originalModel(1000);
    m.remove(0, 1);
    ShiftSaveOptions o;
    o.chunkSize = 10;
    o.hook = [](ShiftPoint p, std::uint64_t step) {
        return p == ShiftPoint::TornWrite && step == 2 ? ShiftHookAction::Crash : ShiftHookAction::Continue;
    };
    QCOMPARE(save(path, m.layout(), o).outcome, ShiftOutcome::Pending);
    // Without a recovery first, a second save must not overwrite the pending journal.
    const std::vector<std::byte> halfway = readFile(path); // 1001 bytes: ShiftPlan::workingSize() while it runs
    QCOMPARE(halfway.size(), std::size_t(1001));
    const SaveRun again = save(path, originalModel(1001).layout(), {});
    Model grown = originalModel(1001);
    grown.insert(0, {SavePiece::Kind::Fill, 0, 1, 0, std::make_shared<std::vector<std::byte>>(1, std::byte{1})});
    const SaveRun second = save(path, grown.layout(), {});
    QCOMPARE(again.outcome, ShiftOutcome::Saved); // nothing to do: no journal needed
    QCOMPARE(second.status.code(), std::error_code(Errc::JournalPending));
    QCOMPARE(second.outcome, ShiftOutcome::Unchanged);
    { // nor may an overwrite Save's journal replace it
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        auto id = fileIdentityOf(fd, path);
        ::close(fd);
        auto overwrite = SaveJournal::begin(*id, path);
        QCOMPARE(overwrite.code(), std::error_code(Errc::JournalPending));
    }
    QVERIFY(readFile(path) == halfway);
    QCOMPARE(recoverSaveJournal(path).outcome, JournalOutcome::Replayed);
    QVERIFY(readFile(path) == materialize(m.layout(), original));
}

void TestShiftSave::enospcWhileGrowing()
{
    if (::geteuid() != 0)
        QSKIP("needs root to loop-mount an ext4 image (CI runs as root)");
    savetest::FullExt4 disk;
    QString why;
    QVERIFY2(disk.mount(&why), qPrintable(why));
    const std::string path = disk.path("grow.bin");
    std::mt19937_64 rng(13);
    const std::vector<std::byte> original = randomBytes(rng, 1 << 20);
    QVERIFY(writeFile(path, original));
    QVERIFY(::truncate(path.c_str(), 1 << 20) == 0);
    QVERIFY(disk.fill());
    Model m = originalModel(1 << 20);
    m.insert(4096, {SavePiece::Kind::Fill, 0, 2 << 20, 0, std::make_shared<std::vector<std::byte>>(1, std::byte{9})});
    const SaveRun r = save(path, m.layout(), {});
    QCOMPARE(r.status.code(), std::error_code(ENOSPC, std::system_category()));
    QVERIFY2(r.status.message().find(path + ": reserving") != std::string::npos, r.status.message().c_str());
    QCOMPARE(r.outcome, ShiftOutcome::Unchanged);
    QCOMPARE(r.progress.bytesDone, std::uint64_t(0));
    const QString diff = firstDifference(readFile(path), original);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(journalsEmpty());

    // The journal on the full disk too: the save stops before the file is touched, naming the journal (or its
    // directory).
    const std::string journals = disk.path("journals");
    qputenv("HEXMAP_JOURNAL_DIR", QByteArray::fromStdString(journals));
    const SaveRun noJournal = save(path, m.layout(), {});
    QCOMPARE(noJournal.status.code(), std::error_code(ENOSPC, std::system_category()));
    QVERIFY2(noJournal.status.message().find(journals) == 0, noJournal.status.message().c_str());
    QCOMPARE(noJournal.outcome, ShiftOutcome::Unchanged);
    QVERIFY(readFile(path) == original);
}

QTEST_GUILESS_MAIN(TestShiftSave)
#include "tst_shiftsave.moc"
