// kill -9 during the GUI's Save of inserts and deletes (issue 15): a child process (this executable with --child)
// opens a 32 MiB file in a real MainWindow, inserts, deletes and overwrites bytes through the EditSession, and runs
// File > Save (ShiftSaver -> ShiftRunner -> ShiftSave, slowed a little per step so that kills land inside it). The
// parent kills it with SIGKILL at a random moment (seeded; the seed is printed on failure), many times, then opens
// the file as the GUI does (Document::open completes a pending journal) and checks it byte for byte: it is exactly
// the new document, or exactly the original when the kill came before the save's journal was committed.
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/edit/editingsupport.h"
#include "ui/edit/shiftsaver.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

using namespace hexmap;
using Bytes = std::vector<std::byte>;

namespace {

constexpr std::uint64_t kSize = 32u << 20;

Bytes original()
{
    Bytes b(kSize);
    std::mt19937_64 rng(42);
    for (std::size_t i = 0; i < b.size(); i += 8) {
        const std::uint64_t v = rng();
        std::memcpy(b.data() + i, &v, 8);
    }
    return b;
}

const Bytes kInserted{std::byte{0xDE}, std::byte{0xAD}, std::byte{0xBE}, std::byte{0xEF}, std::byte{0x01}};

// The edits, the same in the child (on the session) and the parent (on a vector).
Bytes expectedAfterEdits()
{
    Bytes b = original();
    b.insert(b.begin() + 0x1000, kInserted.begin(), kInserted.end());
    b.erase(b.begin() + 0x800000, b.begin() + 0x800000 + 1000);
    b[0x10] = std::byte{0x77};
    return b;
}

int runChild(const QString &path)
{
    MainWindow window;
    if (!window.openFile(path))
        return 10;
    EditSession *s = window.editing()->session();
    if (!s->setEditingEnabled(true) || !s->insertBytes(0x1000, kInserted, EditCommand::Kind::Insert) ||
        !s->erase({0x800000, 1000}, EditCommand::Kind::Delete) ||
        !s->writeBytes(0x10, Bytes{std::byte{0x77}}, EditCommand::Kind::Paste))
        return 11;
    ShiftSaveOptions options;
    options.hook = [](ShiftPoint, std::uint64_t) { // widen the window in which a kill lands mid-save
        std::this_thread::sleep_for(std::chrono::microseconds(300));
        return ShiftHookAction::Continue;
    };
    window.editing()->shiftSaver()->setSaveOptions(options);
    QSignalSpy done(window.editing()->shiftSaver(), &ShiftSaver::finished);
    fputs("saving\n", stdout);
    fflush(stdout);
    window.editing()->save->trigger();
    if (done.isEmpty() && !done.wait(60000))
        return 12;
    fputs(done.first().first().toBool() ? "saved\n" : "failed\n", stdout);
    return 0;
}

} // namespace

class TestGuiSaveKill : public QObject {
    Q_OBJECT
private slots:
    void killAtRandomMoments();
};

void TestGuiSaveKill::killAtRandomMoments()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qputenv("HEXMAP_JOURNAL_DIR", dir.filePath(QStringLiteral("journals")).toLocal8Bit());
    const QString path = dir.filePath(QStringLiteral("victim.bin"));
    const Bytes before = original();
    const Bytes after = expectedAfterEdits();
    const unsigned seed = unsigned(std::random_device{}());
    std::mt19937 rng(seed);
    const int runs = qEnvironmentVariableIntValue("HEXMAP_KILL_RUNS") > 0 ? qEnvironmentVariableIntValue("HEXMAP_KILL_RUNS") : 10;
    int completedByJournal = 0, untouched = 0, finishedFirst = 0;
    for (int run = 0; run < runs; ++run) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(reinterpret_cast<const char *>(before.data()), qint64(before.size())), qint64(before.size()));
        f.close();
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), path});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        while (!out.contains("saving") && child.waitForReadyRead(30000))
            out += child.readAllStandardOutput();
        QVERIFY2(out.contains("saving"), qPrintable(QStringLiteral("seed %1: the child never saved").arg(seed)));
        std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 400));
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(30000));
        out += child.readAllStandardOutput();
        if (out.contains("saved"))
            ++finishedFirst;
        Document doc; // what the GUI does on the next open: complete (or discard) the journal
        auto file = MappedFile::openReadOnly(path.toStdString());
        QVERIFY(file);
        doc.open(*file);
        const QString recovery = doc.recoveryMessage();
        Bytes now(doc.fileSize());
        QCOMPARE(doc.file().readAt(0, now), now.size());
        const QString where = QStringLiteral("seed %1 run %2 (%3)").arg(seed).arg(run).arg(recovery);
        if (now == after)
            completedByJournal += recovery.isEmpty() ? 0 : 1;
        else if (now == before)
            ++untouched;
        else
            QFAIL(qPrintable(QStringLiteral("%1: the file is neither the original nor the new document").arg(where)));
    }
    qInfo("%d runs: %d completed by the journal on open, %d untouched (killed before the journal), %d finished first",
          runs, completedByJournal, untouched, finishedFirst);
    QVERIFY2(completedByJournal > 0, qPrintable(QStringLiteral("seed %1: no kill landed mid-save").arg(seed)));
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc == 3 && std::strcmp(argv[1], "--child") == 0)
        return runChild(QString::fromLocal8Bit(argv[2]));
    TestGuiSaveKill test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_guisavekill.moc"
