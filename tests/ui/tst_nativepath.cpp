// Issue 13 row 5 (GUI): file names are bytes. nativepath keeps a name that is not UTF-8 exact where Hexmap has the
// bytes, shows it with U+FFFD, escapes it for messages, and maps a name that went through a QString (File > Open,
// drag and drop: U+FFFD in place of the bytes) back to the one directory entry it stands for, refusing with a
// message naming the candidates when there are several. Through MainWindow::openFile: the right file opens (its
// size tells it from the decoy), the title shows U+FFFD, and Open Recent stays free of a name that would open
// another file.
#include "ui/view/hexview.h"
#include "ui/window/mainwindow.h"
#include "ui/common/nativepath.h"
#include "ui/window/recentfiles.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace hexmap;

namespace {

bool writeBytes(const QByteArray &path, qsizetype size)
{
    FILE *f = std::fopen(path.constData(), "wb");
    if (!f)
        return false;
    const QByteArray bytes(size, 'n');
    const bool ok = std::fwrite(bytes.constData(), 1, size_t(size), f) == size_t(size);
    return std::fclose(f) == 0 && ok;
}

const QString Lossy = QStringLiteral("v") + QChar(QChar::ReplacementCharacter); // what Qt shows for "v\xff"

} // namespace

class TestNativePath : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void helpers();
    void openDialogNameMapsToTheOneFile();
    void severalCandidatesAreRefused();
    void missingNameSaysWhy();

private:
    QTemporaryDir m_dir;
    QByteArray m_native;
};

void TestNativePath::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_nativepath"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_native = QFile::encodeName(m_dir.path());
}

void TestNativePath::helpers()
{
    QVERIFY(nativepath::roundTrips("plain/ascii"));
    QVERIFY(nativepath::roundTrips(QStringLiteral("caf\u00e9").toUtf8()));
    QVERIFY(!nativepath::roundTrips("v\xff"));
    QCOMPARE(nativepath::display("v\xff"), Lossy);
    QCOMPARE(nativepath::escaped("v\xff"), QStringLiteral("v\\xFF"));
    QCOMPARE(nativepath::escaped("a\xc3\xa9\xfe" "b"), QStringLiteral("a\u00e9\\xFEb"));
}

void TestNativePath::openDialogNameMapsToTheOneFile()
{
    QDir().mkpath(m_dir.filePath(QStringLiteral("one")));
    QVERIFY(writeBytes(m_native + "/one/v\xff", 300));
    MainWindow window;
    QString error;
    window.setErrorReporter([&](const QString &message) { error = message; });
    // What QFileDialog returns for that entry: the name decoded with U+FFFD.
    QVERIFY2(window.openFile(m_dir.filePath(QStringLiteral("one/")) + Lossy), qPrintable(error));
    QCOMPARE(window.hexView()->file().size(), std::uint64_t(300)); // the file itself
    QCOMPARE(QByteArray::fromStdString(window.hexView()->file().path()), m_native + "/one/v\xff");
    QVERIFY(window.windowTitle().contains(Lossy));     // shown with U+FFFD, no crash
    QVERIFY(window.currentPath().endsWith(Lossy));
    QVERIFY(window.recentFiles()->files().isEmpty()); // a QString of it would open another file
    window.closeFile();
    QVERIFY(!window.hasFile());
}

void TestNativePath::severalCandidatesAreRefused()
{
    QDir().mkpath(m_dir.filePath(QStringLiteral("two")));
    QVERIFY(writeBytes(m_native + "/two/v\xff", 10));
    QVERIFY(writeBytes(m_native + "/two/v\xfe", 20));
    MainWindow window;
    QString error;
    window.setErrorReporter([&](const QString &message) { error = message; });
    QVERIFY(!window.openFile(m_dir.filePath(QStringLiteral("two/")) + Lossy));
    QVERIFY(!window.hasFile());
    QVERIFY2(error.contains(QLatin1String("v\\xFF")) && error.contains(QLatin1String("v\\xFE")), qPrintable(error));
}

void TestNativePath::missingNameSaysWhy()
{
    MainWindow window;
    QString error;
    window.setErrorReporter([&](const QString &message) { error = message; });
    QVERIFY(!window.openFile(m_dir.filePath(QStringLiteral("three/")) + Lossy));
    QVERIFY2(error.contains(QLatin1String("no such file")) && error.contains(QLatin1String("command line")), qPrintable(error));
}

QTEST_MAIN(TestNativePath)
#include "tst_nativepath.moc"
