// Save (saveOverlay, with its redo journal) of edits to a block device (a loop device; needs root, CI runs as root):
// the edited bytes and only those reach the device; a Save that fails after its journal was committed is completed
// by recoverSaveJournal on the next open (the journal lives in the journal directory, not in /dev); a pending
// journal is not applied while a partition of the device is mounted.
#include "core/loopdevice.h"

#include "core/editoverlay.h"
#include "core/journalrecovery.h"
#include "core/mappedfile.h"
#include "core/overlaysaver.h"

#include <QDir>
#include <QtTest>

#include <memory>
#include <unistd.h>

using namespace hexmap;
using devicetest::LoopImage;

namespace {

constexpr std::uint64_t kSize = 8 << 20;

QByteArray content()
{
    QByteArray bytes(int(kSize), '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 7 + (i >> 9)) & 0xff);
    return bytes;
}

// Three runs: one byte at an odd offset, a run across a sector boundary, one in the last sector.
void edit(EditOverlay &overlay, QByteArray &expected)
{
    const std::pair<std::uint64_t, QByteArray> runs[] = {
        {4097, QByteArray("\x01", 1)}, {1024 * 1024 - 3, QByteArray("ABCDEFG")}, {kSize - 2, QByteArray("yz")}};
    for (const auto &[offset, bytes] : runs) {
        QVERIFY(overlay.set(offset, std::as_bytes(std::span(bytes.constData(), std::size_t(bytes.size())))));
        expected.replace(qsizetype(offset), bytes.size(), bytes);
    }
}

} // namespace

class TestDeviceSave : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_journals;

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("attaching loop devices needs root (CI runs as root)");
        m_journals = std::make_unique<QTemporaryDir>();
        QVERIFY(m_journals->isValid());
        qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(m_journals->path()));
    }

    void saveWritesExactlyTheEdits()
    {
        LoopImage loop;
        QString why;
        QVERIFY2(loop.attach(content(), kSize, {}, &why), qPrintable(why));
        QByteArray expected = content();
        EditOverlay overlay;
        edit(overlay, expected);
        {
            auto file = MappedFile::open(loop.devicePath(), OpenMode::ReadWriteDevice);
            QVERIFY2(file.ok(), file.message().c_str());
            const SaveReport report = saveOverlay(*file, overlay);
            QVERIFY2(report.ok(), report.summary().c_str());
            QVERIFY(!report.journalPath.empty());
            QVERIFY(report.journalPath.rfind(m_journals->path().toStdString(), 0) == 0);
            QCOMPARE(*file->checkIdentity(), FileChange::None);
        }
        QVERIFY(QDir(m_journals->path()).entryList(QDir::Files).isEmpty());
        loop.detach();
        QCOMPARE(loop.imageBytes(), expected);
    }

    void interruptedSaveIsCompletedOnNextOpen()
    {
        LoopImage loop;
        QString why;
        QVERIFY2(loop.attach(content(), kSize, {}, &why), qPrintable(why));
        QByteArray expected = content();
        EditOverlay overlay;
        edit(overlay, expected);
        {
            auto file = MappedFile::open(loop.devicePath(), OpenMode::ReadWriteDevice);
            QVERIFY2(file.ok(), file.message().c_str());
            int writes = 0; // the second run's write fails: the device holds a mix until the journal is replayed
            const SaveReport report = saveOverlay(*file, overlay, [&](SaveStage stage, ByteRange) -> Status {
                if (stage == SaveStage::Write && ++writes == 2)
                    return Error::fromErrno(EIO, "injected");
                return {};
            });
            QVERIFY(!report.ok());
            QVERIFY(report.journalKept);
        }
        const JournalRecovery recovery = recoverSaveJournal(loop.devicePath());
        QVERIFY2(recovery.outcome == JournalOutcome::Replayed, recovery.message().c_str());
        QVERIFY(QDir(m_journals->path()).entryList(QDir::Files).isEmpty());
        loop.detach();
        QCOMPARE(loop.imageBytes(), expected);
    }

    void pendingJournalNotAppliedWhileMounted()
    {
        LoopImage loop;
        QString why;
        QVERIFY2(loop.attach(content(), kSize, "label: gpt\n,2M\n,\n", &why), qPrintable(why));
        const QString mountPoint = loop.mountExt4(loop.partition(2), &why);
        QVERIFY2(!mountPoint.isEmpty(), qPrintable(why));
        EditOverlay overlay;
        const std::byte one[] = {std::byte{0x5A}};
        QVERIFY(overlay.set(4097, one)); // inside the GPT area, not the mounted partition: still refused
        QVERIFY(overlay.set(9000, one));
        {
            auto file = MappedFile::open(loop.devicePath(), OpenMode::ReadWriteDevice);
            QVERIFY2(file.ok(), file.message().c_str());
            int writes = 0; // the second write fails: the first was written, so the journal is kept
            const SaveReport report = saveOverlay(*file, overlay, [&](SaveStage stage, ByteRange) -> Status {
                if (stage == SaveStage::Write && ++writes == 2)
                    return Error::fromErrno(EIO, "injected");
                return {};
            });
            QVERIFY(report.journalKept);
        }
        JournalRecovery recovery = recoverSaveJournal(loop.devicePath());
        QCOMPARE(recovery.outcome, JournalOutcome::Refused);
        QVERIFY2(recovery.reason.find(mountPoint.toStdString()) != std::string::npos, recovery.reason.c_str());
        loop.unmountAll();
        recovery = recoverSaveJournal(loop.devicePath());
        QVERIFY2(recovery.outcome == JournalOutcome::Replayed, recovery.message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestDeviceSave)
#include "tst_devicesave.moc"
