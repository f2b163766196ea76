// Drives the real `hexmap` binary in a Chinese and in the C locale: --help and the window's menus (through
// --list-actions, which builds the real MainWindow offscreen) must come out in Simplified Chinese under
// LANG/LC_ALL=zh_CN.UTF-8 and in English under LC_ALL=C. The locale need not be generated on the machine:
// QLocale reads the variables itself. Fails if the embedded translation does not load.
#include "processrunner.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QtTest>

#ifndef HEXMAP_GUI_PATH
#error "tst_translation needs the hexmap GUI target"
#endif

class TestTranslation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void help_data();
    void help();
    void menus_data();
    void menus();
    void everyActionHasTextAndAPlace();

private:
    using Run = hexmap::testing::ProcessRun;
    Run run(const QString &locale, const QStringList &arguments);
    QTemporaryDir m_dir;
};

void TestTranslation::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

TestTranslation::Run TestTranslation::run(const QString &locale, const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.insert(QStringLiteral("LANG"), locale);
    env.insert(QStringLiteral("LC_ALL"), locale);
    return hexmap::testing::runProcess(QStringLiteral(HEXMAP_GUI_PATH), arguments, env, 60000);
}

void TestTranslation::help_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("fileArgument");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN.UTF-8")
                           << QStringLiteral("Hexmap:面向超大文件的十六进制编辑器和可视化工具。")
                           << QStringLiteral("要打开的文件(只读),每个文件一个标签页。");
    QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("Hexmap: a hex editor and visualizer for huge files.")
                       << QStringLiteral("The files to open (read-only), one tab each.");
}

void TestTranslation::help()
{
    QFETCH(QString, locale);
    QFETCH(QString, description);
    QFETCH(QString, fileArgument);
    const Run r = run(locale, {QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(description), qPrintable(r.out));
    QVERIFY2(r.out.contains(fileArgument), qPrintable(r.out));
}

void TestTranslation::menus_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("openLine");  // File > Open: menu path, text
    QTest::addColumn<QString>("gotoLine");  // Edit > Go to Offset
    QTest::addColumn<QString>("groupLine"); // View > Grouping > 4 Bytes (a %1 argument)
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN.UTF-8") << QStringLiteral("文件(F)\t打开(O)...\t")
                           << QStringLiteral("编辑(E)\t跳转到偏移(G)...\tCtrl+G")
                           << QStringLiteral("视图(V) > 分组(G)\t4 字节\t");
    QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("File\tOpen...\t")
                       << QStringLiteral("Edit\tGo to Offset...\tCtrl+G")
                       << QStringLiteral("View > Grouping\t4 Bytes\t");
}

void TestTranslation::menus()
{
    QFETCH(QString, locale);
    QFETCH(QString, openLine);
    QFETCH(QString, gotoLine);
    QFETCH(QString, groupLine);
    const Run r = run(locale, {QStringLiteral("--list-actions")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    auto has = [&](const QString &prefix) {
        return std::any_of(lines.begin(), lines.end(), [&](const QString &l) { return l.startsWith(prefix); });
    };
    QVERIFY2(has(openLine), qPrintable(r.out));
    QVERIFY2(has(gotoLine), qPrintable(r.out));
    QVERIFY2(has(groupLine), qPrintable(r.out));
}

// Accessibility: every menu action has a text and sits in a named menu (so screen readers and keyboard users
// reach it through the menu bar even without a shortcut).
void TestTranslation::everyActionHasTextAndAPlace()
{
    const Run r = run(QStringLiteral("C"), {QStringLiteral("--list-actions")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 15, qPrintable(r.out));
    QCOMPARE(lines.front(), QStringLiteral("# platform: offscreen")); // the keys are those of this platform
    for (const QString &line : lines.mid(1)) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        QCOMPARE(fields.size(), 3);
        QVERIFY2(!fields[0].trimmed().isEmpty(), qPrintable(line));
        QVERIFY2(!fields[1].trimmed().isEmpty(), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestTranslation)
#include "tst_translation.moc"
