// Issue 13 in the window, for writers: bytes past the end of a file cut on disk are painted as absent (pixels and
// painted text; never read through the mapping), a job on a file replaced since it was opened is refused and the
// banner offers Reload, and one writer at a time: Enable Editing and jobs are refused while another process holds
// the file's write lock (naming it), and the window's editing locks out other processes (also across a Reload).
// The other process is a fork()ed child (a read-write MappedFile, as hexmap-cli holds it).
#include "hexviewtesthelpers.h"
#include "core/writelock.h"
#include "ui/edit/editingsupport.h"
#include "ui/document/editsession.h"
#include "ui/pane/filechangebanner.h"
#include "ui/window/filechangesupport.h"
#include "ui/document/filewatcher.h"
#include "ui/view/hexcolors.h"
#include "ui/view/hexview.h"
#include "ui/jobs/jobssupport.h"
#include "ui/document/jobwatcher.h"
#include "ui/window/mainwindow.h"

#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

using namespace hexmap;

namespace {

// A forked child that holds the write lock of `path` as "hexmap-cli" (a read-write MappedFile, as the CLI does)
// until release() or destruction.
class OtherWriter {
public:
    explicit OtherWriter(const QString &path)
    {
        if (::pipe(m_ready) != 0 || ::pipe(m_go) != 0)
            return;
        const std::string native = QFile::encodeName(path).toStdString();
        m_pid = ::fork();
        if (m_pid == 0) {
            WriteLock::setProgramName("hexmap-cli");
            auto file = MappedFile::openReadWrite(native);
            const char c = file ? 'L' : 'E';
            (void)!::write(m_ready[1], &c, 1);
            char go = 0;
            (void)!::read(m_go[0], &go, 1);
            file = MappedFile(); // releases the lock and removes its info file
            ::_exit(0);
        }
        char c = 0;
        m_locked = ::read(m_ready[0], &c, 1) == 1 && c == 'L';
    }
    ~OtherWriter() { release(); }
    bool isLocked() const { return m_locked; }
    pid_t pid() const { return m_pid; }
    void release()
    {
        if (m_pid <= 0)
            return;
        (void)!::write(m_go[1], "x", 1);
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
        for (int fd : {m_ready[0], m_ready[1], m_go[0], m_go[1]})
            ::close(fd);
    }

private:
    pid_t m_pid = -1;
    bool m_locked = false;
    int m_ready[2] = {-1, -1};
    int m_go[2] = {-1, -1};
};

// What a forked child gets when it opens `path` read-write: 0 opened, 1 refused naming this process as
// "tst_filechangewriters, pid N", 2 refused otherwise.
int otherProcessOpensReadWrite(const QString &path)
{
    const std::string native = QFile::encodeName(path).toStdString();
    const pid_t pid = ::fork();
    if (pid == 0) {
        auto file = MappedFile::openReadWrite(native);
        if (file)
            ::_exit(0);
        const std::string holder = "being written by tst_filechangewriters, pid " + std::to_string(::getppid());
        ::_exit(file.code() == Errc::WriteLocked && file.message().find(holder) != std::string::npos ? 1 : 2);
    }
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

JobSpec fillSpec(std::uint64_t size, std::uint8_t value)
{
    JobSpec spec;
    spec.operation = JobOperation::Fill;
    spec.range = {0, size};
    spec.threads = 1;
    spec.fillByte = std::byte{value};
    return spec;
}

} // namespace

class TestFileChangeWriters : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_filechangewriters"));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path())); // lock info files of this test only
    }
    void init() { QSettings().clear(); }
    void bytesPastTheNewEndArePaintedAbsent();
    void jobRefusedOnReplacedFile();
    void editingRefusedWhileAnotherProcessWrites();
    void editingLocksOutOtherProcesses();

private:
    QString makeFile(const QString &name, qint64 size)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        QByteArray bytes(size, '\0');
        for (qint64 i = 0; i < size; ++i)
            bytes[i] = static_cast<char>(i & 0xFF);
        file.write(bytes);
        return path;
    }
    static FileChangeSupport *supportOf(MainWindow &window)
    {
        auto *support = window.findChild<FileChangeSupport *>();
        if (support)
            support->watcher()->setPollInterval(20);
        return support;
    }
    FileChangeSupport *openForEditing(MainWindow &window, const QString &path)
    {
        window.setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
        FileChangeSupport *support = supportOf(window);
        window.show();
        if (!support || !window.openFile(path) || !window.editing()->session()->setEditingEnabled(true))
            return nullptr;
        return support;
    }
    static QByteArray readDisk(const QString &path)
    {
        QFile f(path); // a fresh descriptor: read(2), never the window's mapping
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QTemporaryDir m_dir;
    QTemporaryDir m_runtime;
};

void TestFileChangeWriters::bytesPastTheNewEndArePaintedAbsent()
{
    const QString path = m_dir.filePath(QStringLiteral("absent.bin"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(QByteArray(64 * 1024, 'A')), qint64(64 * 1024));
    }
    MainWindow window;
    FileChangeSupport *support = supportOf(window);
    window.show();
    QVERIFY(window.openFile(path));
    HexView *view = window.hexView();
    QCOMPARE(view->readableSize(), 64u * 1024);
    QVERIFY(QFile::resize(path, 1000));
    QTRY_VERIFY(support->isBannerShown());
    QCOMPARE(view->readableSize(), 1000u); // pushed by the watcher: no fstat while painting
    const HexColors colors = HexColors::fromPalette(view->palette());
    QVERIFY(colors.absent.rgb() != colors.base.rgb());
    const auto pixel = [](const QImage &img, QPointF p) { return img.pixel(int(p.x()), int(p.y())); };
    // Every pixel of a cell: one colour (no glyph drawn) -> that colour, else 0.
    const auto uniform = [](const QImage &img, QRectF cell) -> QRgb {
        const QRect r = cell.adjusted(1, 1, -1, -1).toAlignedRect();
        if (!img.rect().contains(r))
            return 1; // not visible: a test error
        const QRgb first = img.pixel(r.topLeft());
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x < r.right(); ++x)
                if (img.pixel(x, y) != first)
                    return 0;
        return first;
    };

    const std::uint64_t perRow = std::uint64_t(view->bytesPerRow());
    const std::uint64_t rowStart = 1000 / perRow * perRow;
    view->scrollToOffset(rowStart);
    hexmap::testing::recordPaintedText(*view, true);
    QImage img = view->viewport()->grab().toImage();
    // The last byte on disk is a real 'A' (41); the first one past the end is an absent cell: its tint, no glyph.
    QVERIFY(uniform(img, view->cellRect(999, HexView::Area::Hex)) == 0);
    QCOMPARE(pixel(img, view->cellRect(999, HexView::Area::Hex).topLeft() + QPointF(1, 1)), colors.base.rgb());
    for (std::uint64_t o : {1000u, 1001u, 1100u})
        for (HexView::Area area : {HexView::Area::Hex, HexView::Area::Ascii})
            QCOMPARE(uniform(img, view->cellRect(o, area)), colors.absent.rgb());
    const QStringList rows = hexmap::testing::paintedRowTexts(*view);
    QVERIFY(!rows.isEmpty());
    const int readable = int(1000 - rowStart);
    const int gone = int(perRow) - readable;
    const QString expectedRow = QStringLiteral(" 41").repeated(readable) + QString(3 * gone, u' ') + QStringLiteral("  ")
        + QString(readable, u'A') + QString(gone, u' ');
    QVERIFY2(rows.first().endsWith(expectedRow), qPrintable(rows.first()));
    QVERIFY2(rows.at(1).endsWith(QString(int(4 * perRow + 2), u' ')), qPrintable(rows.at(1))); // all absent

    // Whole pages past the end: reading them through the mapping would fault (the SIGBUS guard would notice).
    view->scrollToOffset(8192);
    img = view->viewport()->grab().toImage();
    QCOMPARE(uniform(img, view->cellRect(8192 + perRow, HexView::Area::Hex)), colors.absent.rgb());
    QVERIFY(!view->file().wasTruncatedOnDisk());
}

void TestFileChangeWriters::jobRefusedOnReplacedFile()
{
    const QString path = makeFile(QStringLiteral("replaced.bin"), 8192);
    QFile old(path); // the opened inode, read through a descriptor of its own afterwards
    QVERIFY(old.open(QIODevice::ReadOnly));
    const QByteArray original = readDisk(path);
    MainWindow window;
    FileChangeSupport *support = supportOf(window);
    window.show();
    QVERIFY(window.openFile(path));
    const QString temp = m_dir.filePath(QStringLiteral("replacement.tmp"));
    {
        QFile f(temp);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(QByteArray(8192, 'z')), qint64(8192));
    }
    QCOMPARE(::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()), 0); // `mv new file`

    auto job = window.jobs()->startJob(fillSpec(8192, 0xEE));
    QVERIFY(!job.ok());
    QCOMPARE(job.code(), make_error_code(Errc::FileReplaced));
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Fill not started: replaced.bin was replaced by another file since it was opened; "
                            "nothing was written. Reload the file first."));
    QVERIFY(support->isBannerShown()); // at once, with Reload
    QCOMPARE(support->banner()->message(),
             QStringLiteral("replaced.bin was replaced on disk by another file; Reload shows the new one"));
    QVERIFY(!window.editing()->session()->isEditingEnabled());
    QCOMPARE(readDisk(path), QByteArray(8192, 'z')); // neither the new file
    QCOMPARE(old.readAll(), original);                 // nor the old one was written
    support->banner()->reloadButton()->click();
    QVERIFY(!support->isBannerShown());
    QCOMPARE(support->lastReloadMessage(),
             QStringLiteral("replaced.bin was replaced on disk: this is the new file. Reloaded replaced.bin (8192 bytes)"));
    auto after = window.jobs()->startJob(fillSpec(8192, 0xEE)); // the reloaded file is the one shown: allowed
    QVERIFY2(after.ok(), after.message().c_str());
    QTRY_VERIFY((*after)->isFinished());
    QCOMPARE(readDisk(path), QByteArray(8192, char(0xEE)));
}

void TestFileChangeWriters::editingRefusedWhileAnotherProcessWrites()
{
    const QString path = makeFile(QStringLiteral("locked.bin"), 8192);
    const QByteArray before = readDisk(path);
    OtherWriter other(path);
    QVERIFY(other.isLocked());
    MainWindow window;
    supportOf(window);
    window.show();
    QVERIFY(window.openFile(path)); // reading is never refused
    const QString holder = QStringLiteral("being written by hexmap-cli, pid %1").arg(other.pid());
    QVERIFY(!window.editing()->session()->setEditingEnabled(true));
    QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("Cannot enable editing: ")),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY2(window.statusBar()->currentMessage().contains(holder), qPrintable(window.statusBar()->currentMessage()));
    auto job = window.jobs()->startJob(fillSpec(8192, 0x11));
    QVERIFY(!job.ok());
    QCOMPARE(job.code(), make_error_code(Errc::WriteLocked));
    QVERIFY2(QString::fromStdString(job.message()).contains(holder), job.message().c_str());
    QVERIFY(!window.hexView()->file().isWritable());
    QCOMPARE(readDisk(path), before);
    other.release();
    QVERIFY(window.editing()->session()->setEditingEnabled(true)); // free again
}

void TestFileChangeWriters::editingLocksOutOtherProcesses()
{
    const QString path = makeFile(QStringLiteral("mine.bin"), 8192);
    MainWindow window;
    FileChangeSupport *support = openForEditing(window, path);
    QVERIFY(support);
    QCOMPARE(otherProcessOpensReadWrite(path), 1);
    support->reload(); // a reload maps the file again: the window keeps its lock, not locking itself out
    QVERIFY(window.editing()->session()->isEditingEnabled());
    QCOMPARE(otherProcessOpensReadWrite(path), 1);
    window.closeFile();
    support->watcher()->check(); // lets go of its copy of the closed file's handle
    QCOMPARE(otherProcessOpensReadWrite(path), 0);
}

QTEST_MAIN(TestFileChangeWriters)
#include "tst_filechangewriters.moc"
