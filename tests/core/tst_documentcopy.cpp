// CopyOut (Save As / Export) and the compare engine over documents (a PieceSnapshot over a file): random documents
// (a dense file and a sparse one with real holes, edited by random inserts, fills, erases and overwrites) are copied
// out whole and in part, and compared with each other and with a file, each result checked byte for byte against
// the materialised documents (std::vector); holes of the file stay holes in the copy; a file cut under its document
// fails with Errc::FileTruncated.
#include "comparereference.h"
#include "core/compareengine.h"
#include "core/copyout.h"
#include "core/mappedfile.h"
#include "documenttesthelpers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace hexmap;

namespace {

QByteArray toQByteArray(std::span<const std::byte> bytes)
{
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestDocumentCopy : public QObject {
    Q_OBJECT
private slots:
    void copiesTheDocument_data();
    void copiesTheDocument();
    void writesFillsLongerThanItsBuffer();
    void comparesDocuments_data();
    void comparesDocuments();
    void fileCutUnderTheDocumentFails();

private:
    QTemporaryDir m_dir;
};

void TestDocumentCopy::copiesTheDocument_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<quint64>("seed");
    for (quint64 seed = 1; seed <= 5; ++seed) {
        QTest::addRow("dense-%llu", seed) << QStringLiteral("dense") << seed;
        QTest::addRow("sparse-%llu", seed) << QStringLiteral("sparse") << seed + 300;
    }
}

void TestDocumentCopy::copiesTheDocument()
{
    QFETCH(QString, kind);
    QFETCH(quint64, seed);
    std::string error;
    const auto doc = doctest::makeDocument(m_dir.filePath(QStringLiteral("copy-%1").arg(seed)).toStdString(), kind,
                                           seed, 40, &error);
    QVERIFY2(error.empty(), error.c_str());
    auto file = MappedFile::openReadOnly(doc.path);
    QVERIFY2(file, file.message().c_str());
    std::mt19937_64 rng(seed);
    const std::uint64_t size = doc.model.size();
    const std::uint64_t from = rng() % size;
    for (const ByteRange range : {ByteRange{0, size}, ByteRange{from, rng() % (size - from + 1)}}) {
        const QString to = m_dir.filePath(QStringLiteral("copy-%1-out").arg(seed));
        auto out = CopyOut::prepare(*file, range, doc.snapshot(), to.toStdString());
        QVERIFY2(out, out.message().c_str());
        const Status status = (*out)->run();
        QVERIFY2(status, status.message().c_str());
        const auto expected = std::span(doc.bytes()).subspan(std::size_t(range.offset), std::size_t(range.size));
        QVERIFY2(readFile(to) == toQByteArray(expected), qPrintable(QStringLiteral("range %1+%2").arg(range.offset).arg(range.size)));
        const CopyOutStats stats = (*out)->stats();
        QCOMPARE((*out)->progress().bytesDone, range.size);
        QCOMPARE(stats.kernelCopied + stats.bufferCopied + stats.holesSkipped + stats.editedBytes, range.size);
        if (kind == QLatin1String("sparse") && range.offset == 0) {
            QVERIFY(stats.holesSkipped > 0);
            struct stat st {};
            QCOMPARE(::stat(to.toLocal8Bit().constData(), &st), 0);
            QVERIFY2(std::uint64_t(st.st_blocks) * 512 < size - stats.holesSkipped + (1u << 20),
                     "holes of the file were written as data");
        }
    }
    // A range past the document's end is refused, naming it.
    auto past = CopyOut::prepare(*file, {size - 1, 2}, doc.snapshot(), m_dir.filePath(QStringLiteral("x")).toStdString());
    QVERIFY(!past);
    QCOMPARE(past.code(), make_error_code(Errc::InvalidArgument));
}

void TestDocumentCopy::writesFillsLongerThanItsBuffer()
{
    // A fill is one piece of any length: written through CopyOut's 4 MiB buffer several times, its phase kept.
    const std::string path = m_dir.filePath(QStringLiteral("fill")).toStdString();
    std::mt19937_64 rng(5);
    const auto file = doctest::randomBytes(10000, rng);
    QVERIFY(doctest::writeSparse(path, file));
    PieceTable table(file.size());
    const std::vector<std::byte> pattern = {std::byte{1}, std::byte{2}, std::byte{3}, std::byte{4}, std::byte{5},
                                            std::byte{6}, std::byte{7}};
    const std::uint64_t length = (9u << 20) + 3;
    QVERIFY(table.insertFill(5000, pattern, length));
    auto mapped = MappedFile::openReadOnly(path);
    QVERIFY(mapped);
    const QString to = m_dir.filePath(QStringLiteral("fill-out"));
    const ByteRange range{4999, length + 2}; // one file byte either side
    auto out = CopyOut::prepare(*mapped, range, table.snapshot(), to.toStdString());
    QVERIFY2(out, out.message().c_str());
    QVERIFY((*out)->run());
    std::vector<std::byte> expected{file[4999]};
    const auto fill = piecetest::repeat(pattern, std::size_t(length));
    expected.insert(expected.end(), fill.begin(), fill.end());
    expected.push_back(file[5000]);
    QVERIFY(readFile(to) == toQByteArray(expected));
    QCOMPARE((*out)->stats().editedBytes, length);
}

void TestDocumentCopy::comparesDocuments_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<bool>("fileB"); // B is the file as it is (else a second document over the same file)
    for (quint64 seed = 1; seed <= 4; ++seed) {
        QTest::addRow("dense-%llu", seed) << QStringLiteral("dense") << seed << (seed % 2 == 0);
        QTest::addRow("sparse-%llu", seed) << QStringLiteral("sparse") << seed + 400 << (seed % 2 == 1);
    }
}

void TestDocumentCopy::comparesDocuments()
{
    QFETCH(QString, kind);
    QFETCH(quint64, seed);
    QFETCH(bool, fileB);
    std::string error;
    const std::string path = m_dir.filePath(QStringLiteral("cmp-%1").arg(seed)).toStdString();
    const auto a = doctest::makeDocument(path, kind, seed, 12, &error);
    QVERIFY2(error.empty(), error.c_str());
    // B: the same file edited by another seed (few edits: long equal stretches), or the file itself.
    PieceTable tableB(a.file.size());
    piecetest::Model modelB(a.file);
    std::mt19937_64 rng(seed * 7 + 1);
    if (!fileB) {
        error = doctest::randomEdits(tableB, modelB, 6, rng);
        QVERIFY2(error.empty(), error.c_str());
    }
    auto source = ScanSource::open(path);
    QVERIFY2(source, source.message().c_str());
    const QByteArray bytesA = toQByteArray(a.bytes()), bytesB = toQByteArray(modelB.bytes);
    CompareOptions options;
    options.documentA = a.snapshot();
    if (!fileB)
        options.documentB = tableB.snapshot();
    options.offsetA = rng() % 5000;
    options.offsetB = rng() % 5000;
    options.threads = unsigned(1 + rng() % 3);
    options.chunkSize = rng() % 2 ? 4096 : 65536;
    options.mergeGap = rng() % 3 == 0 ? 16 : 0;
    ScanProgress progress;
    auto result = CompareEngine::run(*source, *source, options, progress);
    QVERIFY2(result, result.message().c_str());
    QCOMPARE(result->sizeA, std::uint64_t(bytesA.size()));
    QCOMPARE(result->sizeB, std::uint64_t(bytesB.size()));
    QVERIFY(!result->sameFile);
    const qint64 length = std::min(bytesA.size() - qint64(options.offsetA), bytesB.size() - qint64(options.offsetB));
    QCOMPARE(result->length, std::uint64_t(length));
    const auto expected = comparetest::referenceRuns(bytesA, qint64(options.offsetA), bytesB, qint64(options.offsetB),
                                                     length, options.mergeGap);
    QVERIFY(!expected.empty());
    QCOMPARE(result->runs.size(), expected.size());
    QVERIFY(result->runs == expected);
    QCOMPARE(progress.snapshot().bytesDone, result->length);
    // Against itself: equal (read, not taken as "the same file": the documents may differ from the file).
    CompareOptions self;
    self.documentA = a.snapshot();
    self.documentB = a.snapshot();
    auto same = CompareEngine::run(*source, *source, self, progress);
    QVERIFY2(same, same.message().c_str());
    QVERIFY(same->equal());
}

void TestDocumentCopy::fileCutUnderTheDocumentFails()
{
    std::string error;
    const auto doc = doctest::makeDocument(m_dir.filePath(QStringLiteral("cut")).toStdString(),
                                           QStringLiteral("dense"), 9, 20, &error);
    QVERIFY2(error.empty(), error.c_str());
    auto file = MappedFile::openReadOnly(doc.path);
    QVERIFY(file);
    auto source = ScanSource::open(doc.path);
    QVERIFY(source);
    QVERIFY(::truncate(doc.path.c_str(), off_t(doc.file.size() / 3)) == 0);
    // CopyOut reads the file's descriptor: the cut Original pieces read short.
    const QString to = m_dir.filePath(QStringLiteral("cut-out"));
    auto out = CopyOut::prepare(*file, {0, doc.model.size()}, doc.snapshot(), to.toStdString());
    QVERIFY2(out, out.message().c_str());
    const Status copied = (*out)->run();
    QCOMPARE(copied.code(), make_error_code(Errc::FileTruncated));
    QVERIFY(!QFile::exists(to));
    // The compare reads it through ScanSource: a short read or the size at the end tells.
    CompareOptions options;
    options.documentA = doc.snapshot();
    ScanProgress progress;
    auto result = CompareEngine::run(*source, *source, options, progress);
    QVERIFY(!result);
    QCOMPARE(result.code(), make_error_code(Errc::FileTruncated));
    QVERIFY2(result.message().find(doc.path) != std::string::npos, result.message().c_str());
}

QTEST_GUILESS_MAIN(TestDocumentCopy)
#include "tst_documentcopy.moc"
