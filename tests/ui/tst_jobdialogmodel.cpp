#include "ui/jobs/jobdialogmodel.h"

#include <QTest>

#include <cstdint>

using namespace hexmap;

namespace {
constexpr quint64 kMiB = quint64(1) << 20;
constexpr quint64 kTiB = quint64(1) << 40;
using Source = JobDialogModel::RangeSource;
} // namespace

Q_DECLARE_METATYPE(hexmap::JobDialogModel::RangeSource)

class TestJobDialogModel : public QObject
{
    Q_OBJECT
private slots:
    void range_data()
    {
        QTest::addColumn<quint64>("fileSize");
        QTest::addColumn<Source>("source");
        QTest::addColumn<QString>("offset");
        QTest::addColumn<QString>("length");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<quint64>("expOffset");
        QTest::addColumn<quint64>("expSize");
        QTest::newRow("whole") << 256 * kMiB << Source::WholeFile << "" << "" << true << quint64(0) << 256 * kMiB;
        QTest::newRow("selection") << 256 * kMiB << Source::Selection << "" << "" << true << quint64(16)
                                   << quint64(4096);
        QTest::newRow("hex offset + units") << 256 * kMiB << Source::Custom << "0x1000" << "1 MiB" << true
                                            << quint64(4096) << kMiB;
        QTest::newRow("offset only: rest") << quint64(1000) << Source::Custom << "900" << "" << true
                                           << quint64(900) << quint64(100);
        QTest::newRow("negative offset") << quint64(1000) << Source::Custom << "-16" << "" << true << quint64(984)
                                         << quint64(16);
        QTest::newRow("last byte") << quint64(1000) << Source::Custom << "999" << "1" << true << quint64(999)
                                   << quint64(1);
        QTest::newRow("one past end") << quint64(1000) << Source::Custom << "999" << "2" << false << quint64(0)
                                      << quint64(0);
        QTest::newRow("offset at end: empty") << quint64(1000) << Source::Custom << "1000" << "" << false
                                              << quint64(0) << quint64(0);
        QTest::newRow("garbage") << quint64(1000) << Source::Custom << "12zz" << "" << false << quint64(0)
                                 << quint64(0);
        QTest::newRow("1 TiB tail") << kTiB << Source::Custom << "-4K" << "" << true << kTiB - 4096
                                    << quint64(4096);
        QTest::newRow("overflow length") << kTiB << Source::Custom << "1" << "16777216T" << false << quint64(0)
                                         << quint64(0);
    }
    void range()
    {
        QFETCH(quint64, fileSize);
        QFETCH(Source, source);
        QFETCH(QString, offset);
        QFETCH(QString, length);
        QFETCH(bool, ok);
        JobDialogModel m;
        m.setFileSize(fileSize);
        m.setSelection({16, 4096});
        m.setRangeSource(source);
        m.setOffsetText(offset);
        m.setLengthText(length);
        m.setOperation(JobOperation::Zero);
        const auto r = m.range();
        QCOMPARE(r.ok(), ok);
        QCOMPARE(m.errorText().isEmpty(), ok);
        if (ok) {
            QFETCH(quint64, expOffset);
            QFETCH(quint64, expSize);
            QCOMPARE(r->offset, expOffset);
            QCOMPARE(r->size, expSize);
            QCOMPARE(m.spec()->range, *r);
        }
    }

    void emptySelectionRefused()
    {
        JobDialogModel m;
        m.setFileSize(100);
        m.setRangeSource(Source::Selection);
        m.setOperation(JobOperation::Zero);
        QVERIFY(!m.spec().ok());
        QVERIFY(m.errorText().contains("selected"));
    }

    // Nothing typed yet is not an error: a hint says what to type, the spec is still refused.
    void hintUntilInput()
    {
        JobDialogModel m;
        m.setFileSize(4096);
        m.setOperation(JobOperation::Fill);
        QVERIFY(m.needsInput());
        QVERIFY(!m.spec().ok());
        QVERIFY(m.errorText().isEmpty());
        QVERIFY(m.hintText().contains("byte"));
        m.setByteText("  ");
        QVERIFY(m.needsInput());
        m.setByteText("300");
        QVERIFY(!m.needsInput());
        QVERIFY(m.hintText().isEmpty());
        QVERIFY2(m.errorText().startsWith("Byte: ") && m.errorText().contains("300"), qPrintable(m.errorText()));
        m.setOperation(JobOperation::Pattern);
        m.setPattern({}, JobDialogModel::PatternFormat::Hex);
        QVERIFY(m.needsInput());
        QVERIFY(m.hintText().contains("pattern"));
        m.setPattern("ABC", JobDialogModel::PatternFormat::Hex);
        QCOMPARE(m.errorText(), QString("Pattern: not a valid value (ABC).")); // the text typed, not the parser's English
        m.setOperation(JobOperation::Zero); // needs no value
        QVERIFY(!m.needsInput());
        QVERIFY(m.errorText().isEmpty());
        m.setRangeSource(Source::Custom);
        m.setOffsetText("12zz");
        QVERIFY2(m.errorText().startsWith("Range: ") && m.errorText().contains("12zz"), qPrintable(m.errorText()));
        m.setOffsetText("0");
        m.setChunkSizeText("0");
        QCOMPARE(m.errorText(), QString("Chunk size: must not be 0."));
    }

    void bytes_data()
    {
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("hexFormat");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("preview");
        QTest::newRow("fill 0xFF") << int(JobOperation::Fill) << "0xFF" << true << true << "FF FF FF FF …";
        QTest::newRow("fill 171") << int(JobOperation::Fill) << "171" << true << true << "AB AB AB AB …";
        QTest::newRow("fill 256") << int(JobOperation::Fill) << "256" << true << false << "";
        QTest::newRow("fill empty") << int(JobOperation::Fill) << "" << true << false << "";
        QTest::newRow("zero") << int(JobOperation::Zero) << "" << true << true << "00 00 00 00 …";
        QTest::newRow("pattern hex") << int(JobOperation::Pattern) << "DE AD BE EF" << true << true
                                     << "DE AD BE EF …";
        QTest::newRow("pattern short") << int(JobOperation::Pattern) << "0102 03" << true << true
                                       << "01 02 03 01 …";
        QTest::newRow("pattern odd digits") << int(JobOperation::Pattern) << "ABC" << true << false << "";
        QTest::newRow("pattern wildcard refused") << int(JobOperation::Pattern) << "DE ??" << true << false << "";
        QTest::newRow("pattern text") << int(JobOperation::Pattern) << "Hi!" << false << true << "48 69 21 48 …";
        QTest::newRow("pattern text utf8") << int(JobOperation::Pattern) << QString::fromUtf8("é") << false << true
                                           << "C3 A9 C3 A9 …";
        QTest::newRow("pattern text empty") << int(JobOperation::Pattern) << "" << false << false << "";
    }
    void bytes()
    {
        QFETCH(int, op);
        QFETCH(QString, text);
        QFETCH(bool, hexFormat);
        QFETCH(bool, ok);
        QFETCH(QString, preview);
        JobDialogModel m;
        m.setFileSize(1000);
        m.setOperation(JobOperation(op));
        m.setByteText(text);
        m.setPattern(text, hexFormat ? JobDialogModel::PatternFormat::Hex : JobDialogModel::PatternFormat::Text);
        QCOMPARE(m.spec().ok(), ok);
        QCOMPARE(m.preview(4), preview);
        if (ok)
            QVERIFY(m.summary().contains("cannot be undone"));
        else
            QVERIFY(m.summary().isEmpty());
    }

    void previewShortRangeHasNoEllipsis()
    {
        JobDialogModel m;
        m.setFileSize(3);
        m.setOperation(JobOperation::Pattern);
        m.setPattern("AA BB", JobDialogModel::PatternFormat::Hex);
        QCOMPARE(m.preview(16), QString("AA BB AA"));
    }

    void specFields()
    {
        JobDialogModel m;
        m.setFileSize(256 * kMiB);
        m.setOperation(JobOperation::Zero);
        m.setThreads(4);
        m.setChunkSizeText("2M");
        m.setReleaseSpace(true);
        m.setSyncWhenDone(true);
        const auto s = m.spec();
        QVERIFY(s.ok());
        QCOMPARE(s->operation, JobOperation::Zero);
        QCOMPARE(s->threads, 4u);
        QCOMPARE(s->chunkSize, 2 * kMiB);
        QCOMPARE(s->zeroMode, ZeroMode::ReleaseSpace);
        QVERIFY(s->syncWhenDone);
        QVERIFY(m.summary().contains("268,435,456"));
        QVERIFY(m.summary().contains("256.00 MiB"));
        m.setChunkSizeText("0");
        QVERIFY(!m.spec().ok());
        m.setChunkSizeText("");
        QCOMPARE(m.spec()->chunkSize, quint64(0)); // the engine default
        m.setThreads(0);
        QVERIFY(!m.spec().ok());
    }

    void unsavedEditsAndBusyRanges_data()
    {
        QTest::addColumn<quint64>("editOffset");
        QTest::addColumn<bool>("refused");
        QTest::newRow("edit before range") << quint64(99) << false;
        QTest::newRow("edit at first byte") << quint64(100) << true;
        QTest::newRow("edit at last byte") << quint64(199) << true;
        QTest::newRow("edit after range") << quint64(200) << false;
    }
    void unsavedEditsAndBusyRanges()
    {
        QFETCH(quint64, editOffset);
        QFETCH(bool, refused);
        JobDialogModel m;
        m.setFileSize(1000);
        m.setOperation(JobOperation::Zero);
        m.setRangeSource(Source::Custom);
        m.setOffsetText("100");
        m.setLengthText("100");
        m.setUnsavedEdits({{editOffset, 1}});
        QCOMPARE(m.overlapsUnsavedEdits(), refused);
        QCOMPARE(m.spec().ok(), !refused);
        if (refused) {
            QCOMPARE(m.spec().code(), make_error_code(Errc::RangeBusy));
            QVERIFY(m.errorText().contains("save or discard"));
        }
        m.setUnsavedEdits({});
        m.setBusyRanges({{editOffset, 1}});
        QCOMPARE(m.spec().ok(), !refused);
    }

    void names()
    {
        QCOMPARE(JobDialogModel::operationName(JobOperation::Pattern), QString("Pattern"));
        QCOMPARE(JobDialogModel::rangeText({0, 256 * kMiB}), QString("0x0 – 0xFFFFFFF (256.00 MiB)"));
    }
};

QTEST_GUILESS_MAIN(TestJobDialogModel)
#include "tst_jobdialogmodel.moc"
