// Help > Manual: the action sits in the Help menu of the real MainWindow and opens a window showing USAGE.md
// (from the build tree: the copy compiled into the program), and an installed copy is preferred when present.
#include "ui/window/mainwindow.h"
#include "ui/window/manualdialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace hexmap;

class TestManual : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_manual"));
        QVERIFY(m_dir.isValid());
    }

    void helpMenuOpensTheManual()
    {
        MainWindow window;
        QMenu *help = window.menuBar()->findChild<QMenu *>(QStringLiteral("helpMenu"));
        QVERIFY(help);
        QAction *manual = nullptr;
        for (QAction *a : help->actions())
            if (a->objectName() == QLatin1String("manualAction"))
                manual = a;
        QVERIFY2(manual, "no Manual action in the Help menu");
        QCOMPARE(manual->text(), QString("&Manual"));
        QVERIFY(manual->isEnabled()); // also without a file open
        manual->trigger();
        auto *dialog = window.findChild<ManualDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString text = dialog->browser()->toPlainText();
        // Headings and text of docs/USAGE.md, rendered (no Markdown marks left).
        QVERIFY2(text.contains(QStringLiteral("hexmap-cli")), qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("overview map")));
        QVERIFY(!text.contains(QStringLiteral("\n## ")));
        QVERIFY(dialog->source() == QLatin1String(":/hexmap/docs/USAGE.md") || QFile::exists(dialog->source()));
        manual->trigger(); // the same window again, not a second one
        QCOMPARE(window.findChildren<ManualDialog *>().size(), 1);
    }

    void installedCopyIsPreferred()
    {
        const QString missing = m_dir.filePath("nowhere/USAGE.md");
        const QString installed = m_dir.filePath("USAGE.md");
        QFile file(installed);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("# Installed manual\n\nThe installed copy.\n") > 0);
        file.close();
        QCOMPARE(ManualDialog::locate({missing, installed}), installed);
        QCOMPARE(ManualDialog::locate({missing}), QString(":/hexmap/docs/USAGE.md"));
        QVERIFY(QFile::exists(QStringLiteral(":/hexmap/docs/USAGE.md")));
        // The first place looked at is next to the program: PREFIX/share/doc/hexmap.
        QVERIFY(ManualDialog::candidates().front().endsWith(QLatin1String("/share/doc/hexmap/USAGE.md")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestManual)
#include "tst_manual.moc"
