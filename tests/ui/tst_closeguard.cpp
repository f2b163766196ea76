// Issue 13 row 10: Quit, File > Close and closing the window while a job runs ask first (CloseGuard), naming the
// job and the file: Cancel Job and Quit (the job has stopped, the window closes) / Quit When Done (the window
// stays and closes when the job has ended well; a failed or cancelled job calls the close off) / Keep Open (the
// default: Enter and Escape keep everything). Unsaved edits keep their own question after this one.
// CloseGuardModel's steps and words are checked without dialogs; the rest through the real window, the real job
// (paused by its test hook so that it is still running) and the real modal box (found with activeModalWidget).
// The file is checked with pread, not through the mapping.
#include "modaltesthelpers.h"
#include "core/job.h"
#include "ui/window/closeguard.h"
#include "ui/window/closeguardmodel.h"
#include "ui/edit/editingsupport.h"
#include "ui/document/editsession.h"
#include "ui/document/jobcenter.h"
#include "ui/jobs/jobssupport.h"
#include "ui/document/jobwatcher.h"
#include "ui/window/documenttabs.h"
#include "ui/pane/documentpane.h"
#include "ui/window/mainwindow.h"
#include "ui/window/mainwindowactions.h"

#include "jobtesthelpers.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <functional>
#include <memory>

using namespace hexmap;
using Step = CloseGuardModel::Step;
using Choice = CloseGuardModel::Choice;
using Purpose = CloseGuardModel::Purpose;

namespace {

constexpr std::uint64_t FileSize = 4 * 1024 * 1024;
constexpr std::uint64_t Chunk = 256 * 1024;

using modaltest::onNextModal;

QAbstractButton *buttonWithRole(QMessageBox *box, QMessageBox::ButtonRole role)
{
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == role)
            return b;
    return nullptr;
}

std::uint64_t countBytes(const std::vector<unsigned char> &bytes, unsigned char value)
{
    return std::uint64_t(std::count(bytes.begin(), bytes.end(), value));
}

} // namespace

class TestCloseGuard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void modelSteps();
    void modelWords();
    void keepOpenIsTheDefault_data();
    void keepOpenIsTheDefault();
    void cancelJobAndQuit();
    void quitWhenDone();
    void waitIsCalledOffWhenTheJobIsCancelled();
    void closeFileAsksToo();
    void noJobNoQuestion();
    void questionFollowsTheJob();
    void editsAskedAfterCancel();

private:
    void openWindowWithRunningJob();
    // Answers the next close guard box with the button of `role` (or a key), recording its texts.
    void answerNext(QMessageBox::ButtonRole role, int key = 0);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<QObject> m_context; // parent of this test's modal handlers: none outlives its test
    std::unique_ptr<MainWindow> m_window;
    QPointer<JobWatcher> m_job;
    QString m_seenTitle;
    QString m_seenText;
    QString m_seenDetails;
    QString m_seenDefault;
    int m_asked = 0;
};

void TestCloseGuard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_closeguard"));
    QVERIFY(m_dir.isValid());
}

void TestCloseGuard::init()
{
    m_context = std::make_unique<QObject>();
    QSettings().clear();
    m_path = m_dir.filePath(QStringLiteral("guarded.bin"));
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(QByteArray(int(FileSize), 'x')), qint64(FileSize));
    m_asked = 0;
    m_seenTitle.clear();
    m_seenText.clear();
    m_seenDetails.clear();
    m_seenDefault.clear();
}

void TestCloseGuard::cleanup()
{
    m_context.reset();
    if (m_window) {
        if (auto *box = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
            box->reject(); // a failed step must never leave a modal box behind
        if (m_job && m_job->job())
            m_job->job()->resume();
        m_window->jobs()->confirmClose(); // cancels and waits
    }
    m_window.reset();
}

void TestCloseGuard::openWindowWithRunningJob()
{
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(m_window->openFile(m_path));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    JobSpec spec;
    spec.operation = JobOperation::Fill;
    spec.range = {0, FileSize};
    spec.threads = 1;
    spec.chunkSize = Chunk;
    spec.fillByte = std::byte{0x5A};
    auto job = m_window->jobs()->startJob(spec, [](Job &j) { j.pauseAfterChunks(2); });
    QVERIFY2(job, job ? "" : job.message().c_str());
    m_job = *job;
    QTRY_COMPARE(m_job->lastSnapshot().totalDone, 2 * Chunk); // paused after two chunks: still running
    QVERIFY(m_window->jobs()->center()->hasRunningJobs());
}

void TestCloseGuard::answerNext(QMessageBox::ButtonRole role, int key)
{
    onNextModal<QMessageBox>(m_context.get(), [this, role, key](QMessageBox *box) {
        ++m_asked;
        m_seenTitle = box->windowTitle();
        m_seenText = box->text();
        m_seenDetails = box->informativeText();
        m_seenDefault = box->defaultButton() ? box->defaultButton()->text() : QString();
        if (box->objectName() != QLatin1String("closeGuard")) {
            box->reject();
            return;
        }
        if (key) {
            QTest::keyClick(box, Qt::Key(key));
            return;
        }
        if (QAbstractButton *b = buttonWithRole(box, role))
            b->click();
        else
            box->reject();
    });
}

void TestCloseGuard::modelSteps()
{
    CloseGuardModel model;
    QCOMPARE(model.request(false), Step::Proceed);
    QCOMPARE(model.request(true), Step::Ask);
    QCOMPARE(model.choose(Choice::KeepOpen), Step::Stay);
    QVERIFY(!model.isWaiting());
    QCOMPARE(model.choose(Choice::CancelJobs), Step::Proceed);
    QCOMPARE(model.choose(Choice::WaitForJobs), Step::Wait);
    QVERIFY(model.isWaiting());
    QCOMPARE(model.jobsEnded(true), Step::Proceed);
    QVERIFY(!model.isWaiting());
    QCOMPARE(model.jobsEnded(true), Step::Stay); // not waiting: nothing to do
    QCOMPARE(model.choose(Choice::WaitForJobs), Step::Wait);
    QCOMPARE(model.jobsEnded(false), Step::Stay); // a failed job calls the close off
    QVERIFY(!model.isWaiting());
    // Asked again while waiting: Keep Open calls the wait off.
    QCOMPARE(model.choose(Choice::WaitForJobs), Step::Wait);
    QCOMPARE(model.request(true), Step::Ask);
    QCOMPARE(model.choose(Choice::KeepOpen), Step::Stay);
    QVERIFY(!model.isWaiting());
}

void TestCloseGuard::modelWords()
{
    const std::vector<CloseGuardModel::Job> one{{JobOperation::Fill, {0, 1 << 20}, 1 << 19}};
    const QString text = CloseGuardModel::question(one, QStringLiteral("t.bin"));
    QVERIFY2(text.contains(QLatin1String("fill")) && text.contains(QStringLiteral("“t.bin”")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("0x0 – 0xFFFFF")) && text.contains(QLatin1String("50 % done")), qPrintable(text));
    QVERIFY(CloseGuardModel::details(one, Purpose::Quit, 0).contains(QLatin1String("part written")));
    QVERIFY(!CloseGuardModel::details(one, Purpose::Quit, 0).contains(QLatin1String("unsaved")));
    QVERIFY(CloseGuardModel::details(one, Purpose::Quit, 4).contains(QLatin1String("4 B of unsaved edits")));
    const std::vector<CloseGuardModel::Job> two{{JobOperation::Zero, {0, 4096}, 0}, {JobOperation::Sync, {0, 8192}, 8192}};
    const QString both = CloseGuardModel::question(two, QStringLiteral("u.bin"));
    QVERIFY2(both.contains(QLatin1String("2 jobs")) && both.contains(QLatin1String("Zero"))
                 && both.contains(QLatin1String("Sync")) && both.contains(QLatin1String("100 % done")),
             qPrintable(both));
    const std::vector<CloseGuardModel::Job> sync{{JobOperation::Sync, {0, 8192}, 0}};
    QVERIFY(CloseGuardModel::details(sync, Purpose::CloseFile, 0).contains(QLatin1String("not durable")));
    QVERIFY(CloseGuardModel::cancelLabel(Purpose::Quit).contains(QLatin1String("Quit")));
    QVERIFY(CloseGuardModel::waitLabel(Purpose::CloseFile).contains(QLatin1String("When Done")));
}

void TestCloseGuard::keepOpenIsTheDefault_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("clickKeep");
    QTest::newRow("Keep Open button") << 0 << true;
    QTest::newRow("Enter") << int(Qt::Key_Return) << false;
    QTest::newRow("Escape") << int(Qt::Key_Escape) << false;
}

void TestCloseGuard::keepOpenIsTheDefault()
{
    QFETCH(int, key);
    openWindowWithRunningJob();
    answerNext(QMessageBox::RejectRole, key);
    m_window->windowActions()->quit->trigger(); // Ctrl+Q
    QCOMPARE(m_asked, 1);
    QVERIFY2(m_seenText.contains(QLatin1String("fill")) && m_seenText.contains(QLatin1String("guarded.bin")),
             qPrintable(m_seenText));
    QVERIFY2(m_seenText.contains(QLatin1String("12 % done")), qPrintable(m_seenText)); // 512 KiB of 4 MiB
    QCOMPARE(m_seenDefault, CloseGuardModel::keepLabel());
    QVERIFY(m_window->isVisible());
    QVERIFY(m_window->hasFile());
    QVERIFY(m_job && !m_job->isFinished()); // still running, not cancelled
    QVERIFY(!m_window->closeGuard()->isWaiting());
}

void TestCloseGuard::cancelJobAndQuit()
{
    openWindowWithRunningJob();
    answerNext(QMessageBox::DestructiveRole);
    m_window->windowActions()->quit->trigger();
    QCOMPARE(m_asked, 1);
    QVERIFY(!m_window->isVisible()); // closed
    QVERIFY(!m_window->hasFile());
    QVERIFY(!m_job || m_job->isFinished());
    const auto bytes = jobtest::preadAll(m_path, FileSize);
    QCOMPARE(std::uint64_t(bytes.size()), FileSize);
    const std::uint64_t written = countBytes(bytes, 0x5A);
    QVERIFY2(written >= 2 * Chunk && written < FileSize, qPrintable(QString::number(written))); // part written, as said
}

void TestCloseGuard::quitWhenDone()
{
    openWindowWithRunningJob();
    answerNext(QMessageBox::AcceptRole);
    m_window->windowActions()->quit->trigger();
    QCOMPARE(m_asked, 1);
    QVERIFY(m_window->isVisible()); // still open while the job runs
    QVERIFY(m_window->closeGuard()->isWaiting());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("quits when")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(m_job && !m_job->isFinished());
    m_job->job()->resume();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 10000); // closed once the job ended
    QCOMPARE(m_asked, 1);                                   // and not asked again
    const auto bytes = jobtest::preadAll(m_path, FileSize);
    QCOMPARE(countBytes(bytes, 0x5A), FileSize); // the whole fill, nothing cut
}

void TestCloseGuard::waitIsCalledOffWhenTheJobIsCancelled()
{
    openWindowWithRunningJob();
    answerNext(QMessageBox::AcceptRole);
    m_window->windowActions()->quit->trigger();
    QVERIFY(m_window->closeGuard()->isWaiting());
    m_job->cancel(); // e.g. from the Jobs dock
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->closeGuard()->isWaiting(), 10000);
    QTest::qWait(50);
    QVERIFY(m_window->isVisible()); // the close was called off: the user sees what happened
    QVERIFY(m_window->hasFile());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("called off")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void TestCloseGuard::closeFileAsksToo()
{
    openWindowWithRunningJob();
    answerNext(QMessageBox::RejectRole);
    m_window->windowActions()->close->trigger(); // File > Close (Ctrl+F4)
    QCOMPARE(m_asked, 1);
    QVERIFY(m_seenTitle.contains(QLatin1String("Close")));
    QVERIFY(m_window->hasFile());
    QVERIFY(m_job && !m_job->isFinished());

    answerNext(QMessageBox::AcceptRole); // Close When Done
    m_window->windowActions()->close->trigger();
    QCOMPARE(m_asked, 2);
    QVERIFY(m_window->hasFile());
    m_job->job()->resume();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->hasFile(), 10000);
    QVERIFY(m_window->isVisible()); // only the file closed

    // Opening another file while a job runs opens it in a tab of its own: nothing to ask, the job goes on; closing
    // the job's tab asks, naming the job.
    QVERIFY(m_window->openFile(m_path));
    JobSpec spec;
    spec.operation = JobOperation::Zero;
    spec.range = {0, FileSize};
    spec.threads = 1;
    spec.chunkSize = Chunk;
    auto job = m_window->jobs()->startJob(spec, [](Job &j) { j.pauseAfterChunks(1); });
    QVERIFY(job);
    m_job = *job;
    const QString other = m_dir.filePath(QStringLiteral("other.bin"));
    {
        QFile f(other);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(QByteArray(64, 'o')), qint64(64));
    }
    QVERIFY(m_window->openFile(other));
    QCOMPARE(m_asked, 2);
    QCOMPARE(m_window->tabs()->count(), 2);
    QVERIFY(m_job && !m_job->isFinished());
    answerNext(QMessageBox::RejectRole);
    QVERIFY(!m_window->closeDocument(m_window->tabs()->panes().at(0)->document()));
    QCOMPARE(m_asked, 3);
    QVERIFY2(m_seenText.contains(QLatin1String("Zeroing")), qPrintable(m_seenText));
}

void TestCloseGuard::noJobNoQuestion()
{
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->openFile(m_path));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    answerNext(QMessageBox::RejectRole);
    m_window->windowActions()->quit->trigger();
    QTest::qWait(30);
    QCOMPARE(m_asked, 0);
    QVERIFY(!m_window->isVisible());
}

void TestCloseGuard::questionFollowsTheJob()
{
    openWindowWithRunningJob();
    QStringList texts;
    onNextModal<QMessageBox>(m_context.get(), [this, &texts](QMessageBox *box) {
        ++m_asked;
        texts << box->text();
        m_job->job()->resume(); // the job runs on to its end while the question is shown
        auto *poll = new QTimer(box);
        poll->setInterval(10);
        connect(poll, &QTimer::timeout, box, [box, &texts] {
            if (texts.last() != box->text())
                texts << box->text();
            if (box->text().contains(QLatin1String("has ended"))
                && box->informativeText() == CloseGuardModel::endedDetails())
                buttonWithRole(box, QMessageBox::AcceptRole)->click();
        });
        poll->start();
    });
    m_window->windowActions()->quit->trigger();
    QCOMPARE(m_asked, 1);
    QVERIFY2(texts.size() >= 2 && texts.first().contains(QLatin1String("12 % done"))
                 && texts.last().contains(QLatin1String("has ended")),
             qPrintable(texts.join(QLatin1Char('\n'))));
    // Quit When Done with every job ended well: the window closes at once.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 5000);
}

void TestCloseGuard::editsAskedAfterCancel()
{
    openWindowWithRunningJob();
    EditSession *session = m_window->editing()->session();
    QVERIFY(session->setEditingEnabled(true));
    const std::byte b{0x11};
    QVERIFY(session->writeBytes(FileSize - 1, std::span<const std::byte>(&b, 1), EditCommand::Kind::Typing));
    int editsAsked = 0;
    m_window->editing()->setPrompt([&] {
        ++editsAsked;
        return QMessageBox::Cancel;
    });
    answerNext(QMessageBox::DestructiveRole);
    m_window->windowActions()->quit->trigger();
    QCOMPARE(m_asked, 1);
    QVERIFY2(m_seenDetails.contains(QLatin1String("1 B of unsaved edits")), qPrintable(m_seenDetails));
    QCOMPARE(editsAsked, 1);         // asked next, as the box said
    QVERIFY(m_window->isVisible());  // Cancel on the edits: the window stays
    QVERIFY(session->isModified());  // with its edits
    QVERIFY(!m_job || m_job->isFinished()); // the job was cancelled, as chosen
}

QTEST_MAIN(TestCloseGuard)
#include "tst_closeguard.moc"
