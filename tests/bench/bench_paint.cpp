// Full repaint of a 1920x1080 HexView viewport into an image, at 16 and 64 bytes per row (QBENCHMARK), and the
// baseline it is compared with in the same process: filling the same image once (every pixel written once, the
// least any full repaint must do).
// Run: QT_QPA_PLATFORM=offscreen build/tests/bench/bench_paint   (see docs/BENCHMARKS.md, "Paint")
#include "core/mappedfile.h"
#include "ui/view/hexview.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace hexmap;

class BenchPaint : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MappedFile m_file;

private slots:
    void initTestCase();
    void fullRepaint_data();
    void fullRepaint();
    void baselineFill();
};

void BenchPaint::initTestCase()
{
    QByteArray bytes(8 << 20, Qt::Uninitialized); // random bytes: every glyph kind and colour appears
    QRandomGenerator rng(42);
    rng.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    const QString path = m_dir.filePath("bench.bin");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();
    auto mapped = MappedFile::openReadOnly(path.toStdString());
    QVERIFY(mapped);
    m_file = mapped.value();
}

void BenchPaint::fullRepaint_data()
{
    QTest::addColumn<int>("bytesPerRow");
    QTest::newRow("16 bytes/row") << 16;
    QTest::newRow("64 bytes/row") << 64;
}

void BenchPaint::fullRepaint()
{
    QFETCH(int, bytesPerRow);
    HexView view;
    view.resize(1920, 1080);
    view.show();
    view.setFile(m_file);
    view.setBytesPerRow(bytesPerRow);
    view.setCursorOffset(4 << 20); // mid-file, with a selection across a few rows
    view.setCursorOffset((4 << 20) + 200, true);
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    view.viewport()->render(&image); // warm up: glyph cache, page faults
    QBENCHMARK {
        view.viewport()->render(&image);
    }
}

void BenchPaint::baselineFill()
{
    HexView view;
    view.resize(1920, 1080);
    view.show();
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    quint32 shade = 0;
    QBENCHMARK {
        image.fill(QColor::fromRgb(0xFF000000u | (++shade & 0xFF))); // a different colour each time: no shortcut
    }
}

QTEST_MAIN(BenchPaint)
#include "bench_paint.moc"
