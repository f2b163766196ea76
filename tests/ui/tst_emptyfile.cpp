// A zero-length file opens (nothing is mapped): the view says the file is empty, the features that need bytes
// (find, jobs, paste, fill selection) are disabled, copying, typing and moving do nothing harmful, and a reload
// after the file grew shows its bytes and enables them again.
#include "ui/document/document.h"
#include "ui/edit/editingsupport.h"
#include "ui/find/findbar.h"
#include "ui/find/findsupport.h"
#include "ui/jobs/jobssupport.h"
#include "ui/view/hexview.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace hexmap;

class TestEmptyFile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void opensAndStaysHarmless();

private:
    QTemporaryDir m_dir;
};

void TestEmptyFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_emptyfile"));
    QVERIFY(m_dir.isValid());
}

void TestEmptyFile::opensAndStaysHarmless()
{
    const QString path = m_dir.filePath(QStringLiteral("empty.bin"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    MainWindow window;
    QStringList errors;
    window.setErrorReporter([&](const QString &message) { errors << message; });
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(path));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QVERIFY(window.hasFile());
    Document *document = window.currentDocument();
    QCOMPARE(document->size(), std::uint64_t(0));
    HexView *view = window.hexView();
    QVERIFY(view->hasFile());
    QCOMPARE(view->visibleRange(), (ByteRange{0, 0}));

    // Features that need bytes are off; editing may be switched on, but there is nothing to overwrite.
    for (QAction *a : {window.find()->find, window.find()->findNext, window.jobs()->fill, window.jobs()->zero,
                       window.jobs()->pattern, window.jobs()->flush, window.jobs()->sync})
        QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
    // A find bar left open from another tab says there is nothing to find and starts no search.
    FindBar *bar = window.find()->bar();
    bar->show();
    bar->setMode(FindBar::Mode::Hex);
    bar->setPatternText(QStringLiteral("00"));
    bar->findNext();
    QVERIFY(!bar->isSearching());
    QVERIFY2(bar->message().contains(QStringLiteral("empty")), qPrintable(bar->message()));
    bar->findAll();
    QVERIFY(!bar->isSearching());
    bar->hide();
    window.editing()->enableEditing->trigger();
    QVERIFY(document->isWritable());
    QVERIFY(!window.editing()->paste->isEnabled());
    QVERIFY(!window.editing()->fillSelection->isEnabled());

    // Keys, typing, select all and copy do nothing harmful; copying says why it did nothing.
    view->setFocus();
    for (int key : {Qt::Key_Right, Qt::Key_End, Qt::Key_PageDown, Qt::Key_Down, Qt::Key_Home})
        QTest::keyClick(view, Qt::Key(key));
    QTest::keyClicks(view, QStringLiteral("41"));
    QCOMPARE(view->cursorOffset(), std::uint64_t(0));
    view->selectAll();
    QVERIFY(view->selection().isEmpty());
    QSignalSpy messages(view, &HexView::statusMessage);
    QVERIFY(!view->copySelection(HexView::CopyFormat::HexText));
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.at(0).at(0).toString().contains(QStringLiteral("empty")),
             qPrintable(messages.at(0).at(0).toString()));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(50, 40));
    QCOMPARE(view->cursorOffset(), std::uint64_t(0));

    // The view paints the header and a note, no cursor and no byte (the note is text in the offset colour).
    const QImage shot = view->viewport()->grab().toImage();
    int inked = 0;
    for (int y = view->headerHeight(); y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x)
            inked += shot.pixelColor(x, y) != shot.pixelColor(0, shot.height() - 1);
    QVERIFY2(inked > 50, "the empty file's note is drawn");
    QCOMPARE(QFileInfo(path).size(), qint64(0)); // nothing was written
    QVERIFY(!document->session()->isModified());

    // The file grows on disk: a reload shows its bytes and the features come back.
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write("ABCD", 4), qint64(4));
    }
    QVERIFY(document->reload().ok());
    QCOMPARE(document->size(), std::uint64_t(4));
    QCOMPARE(view->visibleRange(), (ByteRange{0, 4}));
    QVERIFY(window.find()->find->isEnabled());
    QVERIFY(window.jobs()->fill->isEnabled());
    QVERIFY(window.editing()->paste->isEnabled());
    QVERIFY(window.closeFile());
}

QTEST_MAIN(TestEmptyFile)
#include "tst_emptyfile.moc"
