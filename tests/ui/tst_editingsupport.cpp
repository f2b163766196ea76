// EditingSupport in a bare QMainWindow: the actions follow the session, Enable Editing on a read-only file stays
// unchecked, and the close prompt (Save / Discard / Cancel) does what it says.
#include "ui/edit/editingsupport.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/pane/documentpane.h"
#include "ui/view/hexview.h"
#include "ui/edit/inspectordock.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QtTest>

#include <sys/stat.h>

using namespace hexmap;

namespace {

// A document in a pane of a bare QMainWindow, made current for the editing feature (as MainWindow does).
struct Fixture {
    QMainWindow window;
    Document *document = new Document(&window);
    DocumentPane *pane = new DocumentPane(document, &window);
    EditingSupport support{&window};
    HexView *view = pane->view();
    Fixture()
    {
        window.setCentralWidget(pane);
        support.documentAdded(document, pane);
        support.setCurrent(document, pane);
    }
    void open(const QString &path) { document->open(*MappedFile::openReadOnly(path.toStdString())); }
};

} // namespace

class TestEditingSupport : public QObject {
    Q_OBJECT

private slots:
    void init();
    void actionsFollowTheSession();
    void enableEditingOnReadOnlyFileStaysOff();
    void confirmClose_data();
    void confirmClose();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestEditingSupport::init()
{
    m_path = m_dir.filePath(QStringLiteral("support.bin"));
    QFile f(m_path);
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QByteArray(64, '\0'));
}

void TestEditingSupport::actionsFollowTheSession()
{
    Fixture fixture;
    EditingSupport &support = fixture.support;
    HexView *view = fixture.view;
    const auto actions = support.featureActions();
    QVERIFY(std::any_of(actions.begin(), actions.end(), [&](const FeatureAction &a) {
        return a.action == support.undo && a.place.menu == ActionPlace::Menu::Edit;
    }));
    QVERIFY(!support.enableEditing->isEnabled());
    fixture.open(m_path);
    QVERIFY(support.enableEditing->isEnabled());
    QVERIFY(!support.save->isEnabled());
    support.enableEditing->setChecked(true);
    QVERIFY(support.session()->isEditingEnabled());
    QSignalSpy modified(&support, &EditingSupport::modifiedChanged);
    QTest::keyClicks(view, QStringLiteral("ff"));
    QCOMPARE(modified.count(), 1);
    QVERIFY(support.save->isEnabled());
    QCOMPARE(support.inspector()->cursorOffset(), std::uint64_t(1)); // the inspector follows the cursor
    view->setCursorOffset(0);
    QCOMPARE(support.inspector()->valueText(ValueDecoder::Type::UInt8), QStringLiteral("255"));
    support.undo->trigger();
    QVERIFY(!support.isModified());
    support.redo->trigger();
    QVERIFY(support.isModified());
    support.save->trigger();
    QVERIFY(!support.isModified());
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.read(2), QByteArray::fromHex("ff00"));
}

void TestEditingSupport::enableEditingOnReadOnlyFileStaysOff()
{
    QVERIFY(::chmod(m_path.toLocal8Bit().constData(), 0444) == 0);
    Fixture fixture;
    EditingSupport &support = fixture.support;
    fixture.open(m_path);
    QSignalSpy messages(&support, &EditingSupport::statusMessage);
    support.enableEditing->trigger();
    QVERIFY(!support.enableEditing->isChecked());
    QVERIFY(!support.session()->isEditingEnabled());
    QCOMPARE(messages.count(), 1);
    QVERIFY(messages.at(0).at(0).toString().contains(m_path));
}

void TestEditingSupport::confirmClose_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<bool>("proceed");
    QTest::addColumn<bool>("modifiedAfter");
    QTest::addColumn<bool>("fileWritten");
    QTest::newRow("save") << int(QMessageBox::Save) << true << false << true;
    QTest::newRow("discard") << int(QMessageBox::Discard) << true << false << false;
    QTest::newRow("cancel") << int(QMessageBox::Cancel) << false << true << false;
}

void TestEditingSupport::confirmClose()
{
    QFETCH(int, choice);
    QFETCH(bool, proceed);
    QFETCH(bool, modifiedAfter);
    QFETCH(bool, fileWritten);
    Fixture fixture;
    EditingSupport &support = fixture.support;
    fixture.open(m_path);
    int asked = 0;
    support.setPrompt([&] {
        ++asked;
        return QMessageBox::StandardButton(choice);
    });
    QVERIFY(support.confirmClose()); // nothing to save: no question
    QCOMPARE(asked, 0);
    QVERIFY(support.session()->setEditingEnabled(true));
    QVERIFY(support.session()->paste(5, std::vector<std::byte>{std::byte{0x77}}));
    QCOMPARE(support.confirmClose(), proceed);
    QCOMPARE(asked, 1);
    QCOMPARE(support.isModified(), modifiedAfter);
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().at(5) == '\x77', fileWritten);
}

QTEST_MAIN(TestEditingSupport)
#include "tst_editingsupport.moc"
