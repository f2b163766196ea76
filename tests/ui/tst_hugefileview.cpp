// The GUI on a 100 TiB sparse file (issue 18, "Any size, really"): too large to map, it opens unmapped, and the
// view reads what it paints with pread. The file lives on /dev/shm (tmpfs allows such sizes) in a QTemporaryDir,
// removed also when the test fails.
#include "hexviewtesthelpers.h"

#include "ui/view/hexview.h"
#include "ui/window/mainwindow.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace hexmap;

namespace {

constexpr std::uint64_t kTiB = std::uint64_t(1) << 40;

} // namespace

class TestHugeFileView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void paintsBytesAt99TiB();
};

void TestHugeFileView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hugefileview"));
}

void TestHugeFileView::paintsBytesAt99TiB()
{
    QTemporaryDir dir(QStringLiteral("/dev/shm/tst_hugefileview-XXXXXX"));
    QVERIFY2(dir.isValid(), qPrintable(QStringLiteral("cannot make a folder in /dev/shm: %1").arg(dir.errorString())));
    const QString path = dir.filePath(QStringLiteral("huge.bin"));
    const std::uint64_t at = 99 * kTiB + 0x1234;
    const QByteArray placed = QByteArrayLiteral("Any size\x00\x7f\xfe");
    {
        QFile f(path);
        QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(f.errorString()));
        QVERIFY2(f.resize(qint64(100 * kTiB)),
                 qPrintable(QStringLiteral("cannot make a 100 TiB sparse file in /dev/shm (tmpfs): %1").arg(f.errorString())));
        const ssize_t n = ::pwrite(f.handle(), placed.constData(), std::size_t(placed.size()), off_t(at));
        QVERIFY2(n == placed.size(), std::strerror(errno));
    }
    MainWindow window;
    QStringList errors;
    window.setErrorReporter([&](const QString &message) { errors << message; });
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(path));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    HexView *view = window.hexView();
    QVERIFY(view && view->hasFile());
    QCOMPARE(view->file().size(), 100 * kTiB);
    QVERIFY(!view->file().isMapped());

    hexmap::testing::recordPaintedText(*view, true);
    view->setCursorOffset(at + 100); // the go-to path: scrolls the offset into view
    const QImage img = view->viewport()->grab().toImage();
    QVERIFY(!img.isNull());
    const QStringList rows = hexmap::testing::paintedRowTexts(*view);
    QVERIFY(!rows.isEmpty());
    const auto perRow = std::uint64_t(view->bytesPerRow());
    const std::uint64_t rowStart = at / perRow * perRow;
    // The row holding the placed bytes: its offset, then its cells as the file holds them.
    QString expected = QStringLiteral("%1 ").arg(rowStart, 0, 16).toUpper();
    QString ascii;
    for (std::uint64_t o = rowStart; o < rowStart + perRow; ++o) {
        const qsizetype i = qsizetype(o - at);
        const auto c = o >= at && i < placed.size() ? uchar(placed[i]) : uchar(0);
        expected += QStringLiteral(" %1").arg(c, 2, 16, QLatin1Char('0')).toUpper();
        ascii += (c >= 0x20 && c < 0x7F) ? QChar(c) : QChar(u'.');
    }
    expected += QStringLiteral("  ") + ascii;
    const auto row = std::find_if(rows.begin(), rows.end(), [&](const QString &r) { return r.endsWith(expected); });
    QVERIFY2(row != rows.end(), qPrintable(QStringLiteral("no painted row ends with\n%1\npainted:\n%2")
                                               .arg(expected, rows.join(QLatin1Char('\n')))));
    QVERIFY(!view->file().wasTruncatedOnDisk());
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestHugeFileView)
#include "tst_hugefileview.moc"
