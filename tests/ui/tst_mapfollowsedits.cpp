// The overview map draws what jobs and the kernel report in file offsets (written ranges, worker tracks, page-cache
// cells) where those bytes are in the document while inserts or deletes are unsaved, and at the file's offsets again
// once the document is the file in place (undo, save). DocumentPane gives the map the moved document on every edit.
// With HEXMAP_SCREENSHOT_DIR set (under xvfb-run -a with QT_QPA_PLATFORM=xcb), saves the window after the insert.
#include "core/mappedfile.h"
#include "ui/common/theme.h"
#include "ui/document/document.h"
#include "ui/document/editcommand.h"
#include "ui/document/editsession.h"
#include "ui/document/jobcenter.h"
#include "ui/document/jobwatcher.h"
#include "ui/jobs/jobsdock.h"
#include "ui/jobs/jobssupport.h"
#include "ui/pane/documentpane.h"
#include "ui/pane/overviewmap.h"

#include <QMainWindow>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hexmap;

namespace {
constexpr std::uint64_t kMiB = 1ull << 20;
} // namespace

class TestMapFollowsEdits : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void finishedJobMovesWithAnUnsavedInsert()
    {
        const std::string path = m_dir.filePath("map.bin").toStdString();
        auto created = MappedFile::create(path, 8 * kMiB);
        QVERIFY(created.ok());
        QMainWindow main;
        auto *document = new Document(&main);
        auto *pane = new DocumentPane(document, &main);
        auto *jobs = new JobsSupport(&main);
        main.setCentralWidget(pane);
        main.addDockWidget(Qt::BottomDockWidgetArea, jobs->dock());
        for (QWidget *w : jobs->statusWidgets()) // where MainWindow puts them (the Unsynced item)
            main.statusBar()->addPermanentWidget(w);
        jobs->documentAdded(document, pane);
        document->open(*created);
        jobs->setCurrent(document, pane);
        main.resize(900, 600);
        main.show();
        QVERIFY(QTest::qWaitForWindowExposed(&main));

        // A finished fill of file [4, 6 MiB).
        JobSpec spec;
        spec.operation = JobOperation::Fill;
        spec.range = {4 * kMiB, 2 * kMiB};
        spec.threads = 1;
        spec.fillByte = std::byte{0x11};
        auto job = jobs->startJob(spec);
        QVERIFY2(job.ok(), job.message().c_str());
        QTRY_VERIFY_WITH_TIMEOUT((*job)->isFinished(), 20000);
        QCOMPARE((*job)->lastSnapshot().state, JobState::Succeeded);
        OverviewMap *map = pane->map();
        QVERIFY(map->originalMap() == nullptr);
        QCOMPARE(map->segments().size(), std::size_t(1));
        QCOMPARE(map->segments()[0].rangeRows, map->model().rowsOf({4 * kMiB, 2 * kMiB}));

        // 2 MiB inserted at 1 MiB, unsaved: the written bytes are at [6, 8 MiB) of the 10 MiB document.
        EditSession *session = document->session();
        const std::vector<std::byte> inserted(2 * kMiB, std::byte{0x22});
        QVERIFY(session->insertBytes(kMiB, inserted, EditCommand::Kind::Insert));
        QCOMPARE(map->fileSize(), 10 * kMiB);
        QVERIFY(map->originalMap() != nullptr);
        QCOMPARE(map->segments().size(), std::size_t(1));
        QCOMPARE(map->segments()[0].rangeRows, map->model().rowsOf({6 * kMiB, 2 * kMiB}));
        QCOMPARE(map->segments()[0].doneRows, map->model().rowsOf({6 * kMiB, 2 * kMiB}));
        if (const QByteArray dir = qgetenv("HEXMAP_SCREENSHOT_DIR"); !dir.isEmpty()) {
            for (const bool dark : {false, true}) {
                applyTheme(dark ? Preferences::Theme::Dark : Preferences::Theme::Light);
                QTest::qWait(300); // the page-cache layer's first refresh, the new palette painted
                QVERIFY(main.grab().save(QString::fromLocal8Bit(dir)
                                         + (dark ? QStringLiteral("/map-follows-insert-dark.png")
                                                 : QStringLiteral("/map-follows-insert-light.png"))));
            }
            applyTheme(Preferences::Theme::System);
        }

        // Deleting half of the written bytes leaves the other half, moved.
        QVERIFY(session->erase({6 * kMiB, kMiB}, EditCommand::Kind::Delete));
        QCOMPARE(map->segments().size(), std::size_t(1));
        QCOMPARE(map->segments()[0].rangeRows, map->model().rowsOf({6 * kMiB, kMiB}));

        // Undo both: the document is the file again, the map draws file offsets.
        session->undoStack()->undo();
        session->undoStack()->undo();
        QVERIFY(map->originalMap() == nullptr);
        QCOMPARE(map->fileSize(), 8 * kMiB);
        QCOMPARE(map->segments()[0].rangeRows, map->model().rowsOf({4 * kMiB, 2 * kMiB}));
    }
};

QTEST_MAIN(TestMapFollowsEdits)
#include "tst_mapfollowsedits.moc"
