// Files changed under the window: the banner appears with the right text when the open file is truncated or
// changed on disk by someone else; Reload shows the new size and keeps the cursor (clamped); Close closes.
#include "ui/filechangebanner.h"
#include "ui/filechangesupport.h"
#include "ui/filewatcher.h"
#include "ui/hexview.h"
#include "ui/mainwindow.h"

#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace hexmap;

class TestFileChange : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init() { QSettings().clear(); }
    void truncatedShowsBannerAndReloads();
    void growthShowsChangedBanner();
    void closeButtonClosesTheFile();
    void noBannerWithoutChanges();

private:
    QString makeFile(const QString &name, qint64 size);
    FileChangeSupport *supportOf(MainWindow &window);
    QTemporaryDir m_dir;
};

void TestFileChange::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_filechange"));
    QVERIFY(m_dir.isValid());
}

QString TestFileChange::makeFile(const QString &name, qint64 size)
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

FileChangeSupport *TestFileChange::supportOf(MainWindow &window)
{
    // The window creates one; fall back to attaching one so that the banner logic is tested either way.
    auto *support = window.findChild<FileChangeSupport *>();
    if (!support)
        support = new FileChangeSupport(&window);
    support->watcher()->setPollInterval(20);
    return support;
}

void TestFileChange::truncatedShowsBannerAndReloads()
{
    const QString path = makeFile(QStringLiteral("shrinks.bin"), 64 * 1024);
    MainWindow window;
    window.setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    FileChangeSupport *support = supportOf(window);
    window.show();
    QVERIFY(window.openFile(path));
    window.hexView()->setCursorOffset(50000);
    QVERIFY(!support->isBannerShown());

    QVERIFY(QFile::resize(path, 10000)); // another process cuts the file
    QTRY_VERIFY(support->isBannerShown());
    QVERIFY(support->banner()->isVisible());
    QCOMPARE(support->banner()->message(), QStringLiteral("shrinks.bin was truncated on disk to 10000 bytes"));

    QTest::mouseClick(support->banner()->reloadButton(), Qt::LeftButton);
    QCOMPARE(window.hexView()->file().size(), 10000u);
    QCOMPARE(window.hexView()->cursorOffset(), 9999u); // kept, clamped to the new last byte
    QVERIFY(!support->isBannerShown());

    // Shrinking again after the reload is reported again, and Reload keeps a cursor that still fits.
    window.hexView()->setCursorOffset(1234);
    QVERIFY(QFile::resize(path, 5000));
    QTRY_COMPARE(support->banner()->message(), QStringLiteral("shrinks.bin was truncated on disk to 5000 bytes"));
    QVERIFY(support->isBannerShown());
    support->banner()->reloadButton()->click();
    QCOMPARE(window.hexView()->file().size(), 5000u);
    QCOMPARE(window.hexView()->cursorOffset(), 1234u);
}

void TestFileChange::growthShowsChangedBanner()
{
    const QString path = makeFile(QStringLiteral("grows.bin"), 4096);
    MainWindow window;
    FileChangeSupport *support = supportOf(window);
    window.show();
    QVERIFY(window.openFile(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    QCOMPARE(f.write(QByteArray(100, 'x')), qint64(100));
    f.close();
    QTRY_VERIFY(support->isBannerShown());
    QCOMPARE(support->banner()->message(), QStringLiteral("grows.bin changed on disk"));
    support->banner()->reloadButton()->click();
    QCOMPARE(window.hexView()->file().size(), 4196u);
    QVERIFY(!support->isBannerShown());
}

void TestFileChange::closeButtonClosesTheFile()
{
    const QString path = makeFile(QStringLiteral("closes.bin"), 8192);
    MainWindow window;
    FileChangeSupport *support = supportOf(window);
    window.show();
    QVERIFY(window.openFile(path));
    QVERIFY(QFile::resize(path, 100));
    QTRY_VERIFY(support->isBannerShown());
    support->banner()->closeButton()->click();
    QVERIFY(!window.hasFile());
    QVERIFY(!support->isBannerShown());
}

void TestFileChange::noBannerWithoutChanges()
{
    const QString path = makeFile(QStringLiteral("calm.bin"), 8192);
    MainWindow window;
    FileChangeSupport *support = supportOf(window);
    window.show();
    QVERIFY(window.openFile(path));
    // Many polls (20 ms each) without a change: no banner. Reading the file does not count as a change.
    QSignalSpy truncated(support->watcher(), &FileWatcher::truncated);
    QSignalSpy changed(support->watcher(), &FileWatcher::changedOnDisk);
    for (int i = 0; i < 10; ++i)
        support->watcher()->check();
    QCOMPARE(truncated.count(), 0);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!support->isBannerShown());
}

QTEST_MAIN(TestFileChange)
#include "tst_filechange.moc"
