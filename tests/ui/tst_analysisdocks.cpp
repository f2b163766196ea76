// The Checksums and Information docks end to end: a real file with unsaved edits, the scan on its own thread
// (the GUI thread only polls), the values against Python's hashlib over the edited bytes; cancel; a file cut
// during the scan gives an error, not a crash; the Information dock's summary, go to highest / lowest, plot
// clicks and the overview map's Entropy layer on a file of zeros, text and random bytes.
#include "core/mappedfile.h"
#include "ui/analysis/checksumsdock.h"
#include "ui/analysis/entropyplot.h"
#include "ui/analysis/informationdock.h"
#include "ui/analysis/scanwatcher.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/pane/overviewmap.h"
#include "ui/view/hexview.h"

#include <QtTest>

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

#include <unistd.h>

using namespace hexmap;

namespace {
QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray out(n, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    gen.fillRange(reinterpret_cast<quint32 *>(out.data()), n / 4);
    return out;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.flush();
}

// SHA-256 of [offset, offset + length) of the file with `edits` (offset -> bytes) applied, by Python's hashlib
// reading the file itself: an independent path.
QString pythonSha256(const QString &path, const std::map<std::uint64_t, QByteArray> &edits, std::uint64_t offset,
                     std::uint64_t length)
{
    QStringList args{QStringLiteral("-c"),
                     QStringLiteral("import hashlib,sys\n"
                                    "d=bytearray(open(sys.argv[1],'rb').read())\n"
                                    "for e in sys.argv[4:]:\n"
                                    "    o,h=e.split(':'); b=bytes.fromhex(h); d[int(o):int(o)+len(b)]=b\n"
                                    "o,n=int(sys.argv[2]),int(sys.argv[3])\n"
                                    "print(hashlib.sha256(d[o:o+n]).hexdigest())\n"),
                     path, QString::number(offset), QString::number(length)};
    for (const auto &[o, b] : edits)
        args << QStringLiteral("%1:%2").arg(o).arg(QString::fromLatin1(b.toHex()));
    QProcess p;
    p.start(QStringLiteral("python3"), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return QStringLiteral("python failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
    return QString::fromLatin1(p.readAllStandardOutput()).trimmed();
}

QString sha256Of(const ChecksumsDock &dock)
{
    for (const auto &[a, v] : dock.model().results())
        if (a == HashAlgorithm::Sha256)
            return v;
    return {};
}

struct Fixture {
    HexView view;
    Document document;
    EditSession &session = *document.session();
    bool open(const QString &path)
    {
        if (!document.open(QFile::encodeName(path)))
            return false;
        view.setFile(&document.file()); // reads through the document (its mapping after Enable Editing too)
        return true;
    }
};
} // namespace

class TestAnalysisDocks : public QObject {
    Q_OBJECT
private slots:
    void sha256SeesUnsavedEdits();
    void selectionScopeAndVerify();
    void cancelEndsOnce();
    void fileCutDuringScanIsAnError();
    void informationOnMixedFile();

private:
    QTemporaryDir m_dir;
};

void TestAnalysisDocks::sha256SeesUnsavedEdits()
{
    const QString path = m_dir.filePath(QStringLiteral("edited.bin"));
    QVERIFY(writeFile(path, randomBytes(3 << 20, 7)));
    Fixture f;
    QVERIFY(f.open(path));
    QVERIFY(f.session.setEditingEnabled(true));
    const std::map<std::uint64_t, QByteArray> edits{{0, QByteArray("\x01\x02\x03", 3)},
                                                    {(1 << 20) - 2, QByteArray(5, '\xAB')}, // across a unit edge
                                                    {(3 << 20) - 1, QByteArray(1, '\x00')}};
    for (const auto &[o, b] : edits)
        QVERIFY(f.session.writeBytes(o, std::as_bytes(std::span(b.constData(), std::size_t(b.size()))),
                                     EditCommand::Kind::Paste));
    QVERIFY(f.session.isModified());
    ChecksumsDock dock(&f.view, &f.session);
    dock.setChosen(HashAlgorithm::Sha256, true);
    QSignalSpy finished(&dock, &ChecksumsDock::finished);
    QVERIFY(dock.compute());
    QVERIFY(dock.isRunning()); // compute() returned while the scan runs on its own thread
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(sha256Of(dock), pythonSha256(path, edits, 0, 3 << 20));
    QVERIFY(sha256Of(dock) != pythonSha256(path, {}, 0, 3 << 20)); // the edits matter
    QVERIFY(dock.statusText().contains(QStringLiteral("unsaved edits")));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1); // ends once
}

void TestAnalysisDocks::selectionScopeAndVerify()
{
    const QString path = m_dir.filePath(QStringLiteral("selection.bin"));
    QVERIFY(writeFile(path, randomBytes(1 << 20, 11)));
    Fixture f;
    QVERIFY(f.open(path));
    ChecksumsDock dock(&f.view, &f.session);
    dock.setScope(ChecksumsDock::Scope::Selection);
    QVERIFY(!dock.compute()); // no selection yet
    QVERIFY(dock.statusText().contains(QStringLiteral("Select")));
    f.view.setSelection({1000, 5000});
    QSignalSpy finished(&dock, &ChecksumsDock::finished);
    QVERIFY(dock.compute());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(dock.scanRange(), (ByteRange{1000, 5000}));
    const QString expected = pythonSha256(path, {}, 1000, 5000);
    QCOMPARE(sha256Of(dock), expected);
    dock.setExpected(expected.toUpper().insert(8, QStringLiteral("  ")));
    QVERIFY2(dock.verdictText().contains(QStringLiteral("Match")), qPrintable(dock.verdictText()));
    dock.setExpected(pythonSha256(path, {}, 1000, 5001));
    QVERIFY2(dock.verdictText().contains(QStringLiteral("Mismatch")), qPrintable(dock.verdictText()));
    QVERIFY(dock.copyValue(0));
}

void TestAnalysisDocks::cancelEndsOnce()
{
    const QString path = m_dir.filePath(QStringLiteral("cancel.bin"));
    QVERIFY(writeFile(path, randomBytes(16 << 20, 3)));
    Fixture f;
    QVERIFY(f.open(path));
    ChecksumsDock dock(&f.view, &f.session);
    for (HashAlgorithm a : allHashAlgorithms())
        dock.setChosen(a, true);
    QSignalSpy finished(&dock, &ChecksumsDock::finished);
    QVERIFY(dock.compute());
    dock.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(dock.statusText(), QStringLiteral("Cancelled."));
    QVERIFY(dock.model().results().empty());
    QVERIFY(!dock.isRunning());
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    // The dock works again afterwards.
    QVERIFY(dock.compute());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QCOMPARE(finished.at(1).at(0).toBool(), true);
}

void TestAnalysisDocks::fileCutDuringScanIsAnError()
{
    const QString path = m_dir.filePath(QStringLiteral("cut.bin"));
    QVERIFY(writeFile(path, randomBytes(8 << 20, 5)));
    Fixture f;
    QVERIFY(f.open(path));
    ChecksumsDock dock(&f.view, &f.session);
    QSignalSpy finished(&dock, &ChecksumsDock::finished);
    QVERIFY(dock.compute());
    QCOMPARE(::truncate(path.toLocal8Bit().constData(), 1 << 20), 0); // another program cuts the file
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(dock.statusText().startsWith(QStringLiteral("Failed:")), qPrintable(dock.statusText()));
    QVERIFY2(dock.statusText().contains(path), qPrintable(dock.statusText())); // names the file
    QVERIFY(dock.model().results().empty());
}

void TestAnalysisDocks::informationOnMixedFile()
{
    // 1 MiB zeros, 1 MiB text, 2 MiB random: blocks of 4 KiB.
    QByteArray bytes(1 << 20, '\0');
    QByteArray text;
    while (text.size() < (1 << 20))
        text += "The quick brown fox jumps over the lazy dog; 0123456789.\n";
    bytes += text.left(1 << 20);
    bytes += randomBytes(2 << 20, 9);
    const QString path = m_dir.filePath(QStringLiteral("mixed.bin"));
    QVERIFY(writeFile(path, bytes));
    Fixture f;
    OverviewMap map;
    map.resize(56, 404); // 400 rows: 10 KiB a row
    QVERIFY(f.open(path));
    map.setFileSize(bytes.size());
    InformationDock dock(&f.view, &f.session, &map);
    QSignalSpy finished(&dock, &InformationDock::finished);
    dock.checkFile(); // hidden: the file is not read
    QVERIFY(!dock.isRunning());
    dock.show(); // shown: the new file starts the scan
    QVERIFY(dock.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(dock.model().pyramid().blockSize(), std::uint64_t(4096));
    QCOMPARE(dock.summaryText(), QString::fromUtf8("50 % high entropy \u2014 likely compressed or encrypted"));
    QCOMPARE(dock.model().histogram()[0], std::uint64_t(1 << 20) + std::uint64_t(bytes.mid(2 << 20).count('\0')));
    QVERIFY(dock.goToHighest());
    QVERIFY(f.view.cursorOffset() >= (2u << 20));
    QVERIFY(dock.goToLowest());
    QCOMPARE(f.view.cursorOffset(), std::uint64_t(0));
    // A click on the plot's last quarter goes into the random part, at a block start.
    EntropyPlot *plot = dock.plot();
    plot->resize(400, 100);
    QTest::mouseClick(plot, Qt::LeftButton, {}, QPoint(350, 50));
    QVERIFY(f.view.cursorOffset() >= (3u << 20) && f.view.cursorOffset() % 4096 == 0);
    // The map's Entropy layer: red in the random part, blue in the text part, dark in the zeros (worker lane).
    const QImage image = map.grab().toImage();
    const int x = map.workerLane().first + 2;
    const auto rowAt = [&](std::uint64_t offset) { return map.topMargin() + map.model().rowOf(offset); };
    QCOMPARE(image.pixelColor(x, rowAt(3u << 20)), QColor(0xE0, 0x3C, 0x31));
    QCOMPARE(image.pixelColor(x, rowAt((1u << 20) + (1u << 19))), QColor(0x2E, 0x86, 0xDE));
    QVERIFY(image.pixelColor(x, rowAt(1u << 19)).value() < 0x40);
    map.setLayerVisible(OverviewMap::Entropy, false);
    QVERIFY(map.grab().toImage().pixelColor(x, rowAt(3u << 20)) != QColor(0xE0, 0x3C, 0x31));
    // Closing the file clears the layer and the dock.
    f.document.close();
    dock.checkFile();
    QVERIFY(!dock.model().hasData());
}

QTEST_MAIN(TestAnalysisDocks)
#include "tst_analysisdocks.moc"
