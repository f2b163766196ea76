// The confirmation before a Fill / Zero / Pattern job writes (JobConfirmation, asked by JobDialog's OK when
// Preferences::confirmJobs is on): its text names the operation, range, size and file; its default button is
// Cancel. Through the real window and the real modal dialogs (found with QApplication::activeModalWidget):
// Overwrite runs the job (checked with pread), Cancel or Enter writes nothing and keeps the dialog open, and with
// the preference off no question is asked.
#include "modaltesthelpers.h"
#include "core/mappedfile.h"
#include "ui/document/jobcenter.h"
#include "ui/jobs/jobconfirmation.h"
#include "ui/jobs/jobdialog.h"
#include "jobdialogtesthelpers.h"
#include "ui/jobs/jobssupport.h"
#include "ui/document/jobwatcher.h"
#include "ui/window/mainwindow.h"
#include "ui/common/preferences.h"

#include "jobtesthelpers.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <functional>
#include <memory>

using namespace hexmap;

namespace {

constexpr std::uint64_t FileSize = 64 * 1024;

using modaltest::onNextModal;

QAbstractButton *overwriteButton(QMessageBox *box)
{
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::AcceptRole)
            return b;
    return nullptr;
}

// The Fill dialog set to write 0xFF over 8 KiB at 0x1000, then OK.
void fillAndOk(JobDialog *dialog)
{
    jobdialogtest::customRangeButton(*dialog)->setChecked(true);
    jobdialogtest::offsetEdit(*dialog)->setText(QStringLiteral("0x1000"));
    jobdialogtest::lengthEdit(*dialog)->setText(QStringLiteral("8K"));
    jobdialogtest::valueEdit(*dialog)->setText(QStringLiteral("0xFF"));
    jobdialogtest::okButton(*dialog)->click();
}

} // namespace

class TestJobConfirmation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void question_data();
    void question();
    void boxDefaultsToCancel();
    void overwriteRunsTheJob();
    void cancelWritesNothing_data();
    void cancelWritesNothing();
    void preferenceOffAsksNothing();

private:
    void openWindow();
    // Closes any modal widget left open (a failed step), so a failure never hangs the suite.
    void armWatchdog();

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    QTimer *m_watchdog = nullptr;
    bool m_watchdogFired = false;
};

void TestJobConfirmation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_jobconfirmation"));
    QVERIFY(m_dir.isValid());
}

void TestJobConfirmation::init()
{
    JobDialog::forgetInputs(); // each test starts from a dialog never used before
    QSettings().clear();
    m_path = m_dir.filePath(QStringLiteral("c.bin"));
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(QByteArray(int(FileSize), 'x')), qint64(FileSize));
}

void TestJobConfirmation::cleanup()
{
    delete m_watchdog;
    m_watchdog = nullptr;
    QVERIFY(!m_watchdogFired);
    if (m_window)
        m_window->jobs()->confirmClose(); // cancels and waits for running jobs
    m_window.reset();
}

void TestJobConfirmation::openWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(m_window->openFile(m_path));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    armWatchdog();
}

void TestJobConfirmation::armWatchdog()
{
    m_watchdogFired = false;
    m_watchdog = new QTimer;
    m_watchdog->setInterval(20000);
    connect(m_watchdog, &QTimer::timeout, this, [this] {
        if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            m_watchdogFired = true;
            dialog->reject();
        }
    });
    m_watchdog->start();
}

void TestJobConfirmation::question_data()
{
    QTest::addColumn<int>("operation");
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<bool>("release");
    QTest::addColumn<QString>("expected");
    const QString range = QStringLiteral("256.00 MiB (0x0 – 0xFFFFFFF) of “disk.img”");
    QTest::newRow("fill") << int(JobOperation::Fill) << QByteArray() << false
                          << QStringLiteral("Fill %1 with 0xFF?").arg(range);
    QTest::newRow("zero") << int(JobOperation::Zero) << QByteArray() << false << QStringLiteral("Zero %1?").arg(range);
    QTest::newRow("zero, release") << int(JobOperation::Zero) << QByteArray() << true
                                   << QStringLiteral("Zero %1 and release its disk space?").arg(range);
    QTest::newRow("pattern") << int(JobOperation::Pattern) << QByteArray("\xDE\xAD\xBE\xEF", 4) << false
                             << QStringLiteral("Fill %1 with the pattern DE AD BE EF?").arg(range);
    QTest::newRow("long pattern") << int(JobOperation::Pattern) << QByteArray(17, 'A') << false
                                  << QStringLiteral("Fill %1 with the pattern %2 …?")
                                         .arg(range, QStringLiteral("41 ").repeated(16).trimmed());
    QTest::newRow("flush") << int(JobOperation::Flush) << QByteArray() << false << QString();
    QTest::newRow("sync") << int(JobOperation::Sync) << QByteArray() << false << QString();
}

void TestJobConfirmation::question()
{
    QFETCH(int, operation);
    QFETCH(QByteArray, pattern);
    QFETCH(bool, release);
    QFETCH(QString, expected);
    JobSpec spec;
    spec.operation = JobOperation(operation);
    spec.range = {0, 256ull << 20};
    spec.fillByte = std::byte{0xFF};
    for (char c : pattern)
        spec.pattern.push_back(std::byte(static_cast<unsigned char>(c)));
    spec.zeroMode = release ? ZeroMode::ReleaseSpace : ZeroMode::KeepSpace;
    QCOMPARE(JobConfirmation::question(spec, QStringLiteral("disk.img")), expected);
    QCOMPARE(JobConfirmation::writesBytes(spec.operation), !expected.isEmpty());
    if (expected.isEmpty()) // Flush and Sync never ask: no box, always allowed
        QVERIFY(JobConfirmation::ask(spec, QStringLiteral("disk.img"), nullptr));
}

void TestJobConfirmation::boxDefaultsToCancel()
{
    JobSpec spec;
    spec.range = {0x1000, 0x2000};
    const std::unique_ptr<QMessageBox> box(JobConfirmation::createBox(spec, QStringLiteral("<b>x</b>.bin"), nullptr));
    QCOMPARE(box->textFormat(), Qt::PlainText);
    QVERIFY(box->text().contains(QStringLiteral("“<b>x</b>.bin”")));
    QVERIFY(box->informativeText().contains(QStringLiteral("cannot be undone")));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QCOMPARE(box->escapeButton(), box->button(QMessageBox::Cancel));
    QVERIFY(overwriteButton(box.get()));
    QCOMPARE(box->buttons().size(), 2);
}

void TestJobConfirmation::overwriteRunsTheJob()
{
    openWindow();
    QString asked;
    bool wasDefaultCancel = false;
    onNextModal<JobDialog>(this, [&](JobDialog *dialog) {
        onNextModal<QMessageBox>(this, [&](QMessageBox *box) {
            asked = box->text();
            wasDefaultCancel = box->defaultButton() == box->button(QMessageBox::Cancel);
            overwriteButton(box)->click();
        });
        fillAndOk(dialog);
    });
    m_window->jobs()->fill->trigger(); // exec()s the dialog; returns once it is closed
    QCOMPARE(asked, QStringLiteral("Fill 8.00 KiB (0x1000 – 0x2FFF) of “c.bin” with 0xFF?"));
    QVERIFY(wasDefaultCancel);
    const auto &jobs = m_window->jobs()->center()->jobs();
    QCOMPARE(jobs.size(), std::size_t(1));
    QTRY_VERIFY_WITH_TIMEOUT(jobs.front()->isFinished(), 10000);
    QCOMPARE(jobs.front()->lastSnapshot().state, JobState::Succeeded);
    const auto bytes = jobtest::preadAll(m_path, FileSize);
    QCOMPARE(bytes.size(), std::size_t(FileSize));
    for (std::uint64_t i = 0; i < FileSize; ++i) {
        const unsigned char want = i >= 0x1000 && i < 0x3000 ? 0xFF : 'x';
        QVERIFY2(bytes[i] == want, qPrintable(QStringLiteral("byte 0x%1").arg(i, 0, 16)));
    }
}

void TestJobConfirmation::cancelWritesNothing_data()
{
    QTest::addColumn<int>("key"); // how the question is answered: Enter takes the default button
    QTest::newRow("Cancel button") << 0;
    QTest::newRow("Enter") << int(Qt::Key_Return);
    QTest::newRow("Escape") << int(Qt::Key_Escape);
}

void TestJobConfirmation::cancelWritesNothing()
{
    QFETCH(int, key);
    openWindow();
    int questions = 0;
    bool dialogKept = false;
    QString valueKept;
    onNextModal<JobDialog>(this, [&](JobDialog *dialog) {
        onNextModal<QMessageBox>(this, [&, key](QMessageBox *box) {
            ++questions;
            if (key == 0)
                box->button(QMessageBox::Cancel)->click();
            else
                QTest::keyClick(box, Qt::Key(key));
        });
        fillAndOk(dialog);
        // Back in the dialog, with the input kept, to change it or give up.
        dialogKept = dialog->isVisible() && QApplication::activeModalWidget() == dialog;
        valueKept = jobdialogtest::valueEdit(*dialog)->text();
        dialog->reject();
    });
    m_window->jobs()->fill->trigger();
    QCOMPARE(questions, 1);
    QVERIFY(dialogKept);
    QCOMPARE(valueKept, QStringLiteral("0xFF"));
    QVERIFY(m_window->jobs()->center()->jobs().empty());
    QCOMPARE(jobtest::preadAll(m_path, FileSize), std::vector<unsigned char>(FileSize, 'x'));
}

void TestJobConfirmation::preferenceOffAsksNothing()
{
    Preferences().setConfirmJobs(false);
    openWindow();
    int questions = 0;
    auto *boxWatcher = new QTimer(this); // answers (Cancel) and counts any question that would appear
    boxWatcher->setInterval(5);
    connect(boxWatcher, &QTimer::timeout, this, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            ++questions;
            box->button(QMessageBox::Cancel)->click();
        }
    });
    boxWatcher->start();
    onNextModal<JobDialog>(this, [&](JobDialog *dialog) { fillAndOk(dialog); });
    m_window->jobs()->fill->trigger();
    QTest::qWait(50); // the watcher gets its chances
    delete boxWatcher;
    QCOMPARE(questions, 0);
    const auto &jobs = m_window->jobs()->center()->jobs();
    QCOMPARE(jobs.size(), std::size_t(1));
    QTRY_VERIFY_WITH_TIMEOUT(jobs.front()->isFinished(), 10000);
    const auto bytes = jobtest::preadAll(m_path, FileSize);
    QCOMPARE(bytes[0x1000], static_cast<unsigned char>(0xFF));
    QCOMPARE(bytes[0x2FFF], static_cast<unsigned char>(0xFF));
    QCOMPARE(bytes[0x3000], static_cast<unsigned char>('x'));
}

QTEST_MAIN(TestJobConfirmation)
#include "tst_jobconfirmation.moc"
