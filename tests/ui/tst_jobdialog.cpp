#include "ui/jobs/jobdialog.h"
#include "jobdialogtesthelpers.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace hexmap;
using namespace jobdialogtest;

class TestJobDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // The dialog starts from Preferences: isolated settings, cleared, so its own defaults apply.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_jobdialog"));
        QSettings().clear();
    }

    void patternFromTypedRange()
    {
        JobDialog d(JobOperation::Pattern, 1ull << 30, {}, nullptr);
        QVERIFY(!okButton(d)->isEnabled()); // no pattern yet
        customRangeButton(d)->setChecked(true);
        QTest::keyClicks(offsetEdit(d), "0x1000");
        QTest::keyClicks(lengthEdit(d), "1 MiB");
        QTest::keyClicks(valueEdit(d), "DE AD BE EF");
        threadsBox(d)->setValue(4);
        QVERIFY(okButton(d)->isEnabled());
        QCOMPARE(previewLabel(d)->text(), QString("DE AD BE EF DE AD BE EF DE AD BE EF DE AD BE EF …"));
        QVERIFY(summaryLabel(d)->text().contains("1,048,576 bytes"));
        QVERIFY(summaryLabel(d)->text().contains("cannot be undone"));
        const auto spec = d.spec();
        QVERIFY(spec.ok());
        QCOMPARE(spec->range, (ByteRange{0x1000, 1ull << 20}));
        QCOMPARE(spec->threads, 4u);
        QCOMPARE(spec->pattern.size(), std::size_t(4));
    }

    void unsavedEditsDisableOk()
    {
        JobDialog d(JobOperation::Zero, 4096, {100, 10}, nullptr);
        QVERIFY(okButton(d)->isEnabled());
        QCOMPARE(d.spec()->range, (ByteRange{100, 10}));
        d.setUnsavedEdits({{105, 1}});
        QVERIFY(!okButton(d)->isEnabled());
        d.setUnsavedEdits({{200, 1}});
        QVERIFY(okButton(d)->isEnabled());
    }

    void switchingOperationRevalidates()
    {
        JobDialog d(JobOperation::Fill, 4096, {}, nullptr);
        QTest::keyClicks(valueEdit(d), "0xAB");
        QVERIFY(okButton(d)->isEnabled());
        QCOMPARE(d.spec()->fillByte, std::byte{0xAB});
        operationBox(d)->setCurrentIndex(operationBox(d)->findData(int(JobOperation::Pattern)));
        QVERIFY(okButton(d)->isEnabled()); // "0xAB" is also a one-byte hex pattern
        QCOMPARE(d.spec()->pattern, std::vector<std::byte>{std::byte{0xAB}});
        valueEdit(d)->setText("ABC");
        QVERIFY(!okButton(d)->isEnabled()); // odd digit count
        valueEdit(d)->setText("AB CD");
        QVERIFY(okButton(d)->isEnabled());
        formatBox(d)->setCurrentIndex(1); // text: "AB CD" as 5 ASCII bytes
        QCOMPARE(d.spec()->pattern.size(), std::size_t(5));
    }

    // Tests (and accessibility tools) find the widgets by name: each name is unique and on the widget it says.
    void widgetsHaveStableObjectNames()
    {
        JobDialog d(JobOperation::Zero, 4096, {}, nullptr); // Zero needs no value: the spec is valid as it opens
        using N = JobDialog::ObjectName;
        for (const char *name : {N::operation, N::selectionRange, N::wholeFile, N::customRange, N::offset, N::length,
                                 N::value, N::format, N::preview, N::threads, N::chunkSize, N::releaseSpace,
                                 N::syncWhenDone, N::summary, N::error, N::buttons})
            QCOMPARE(d.findChildren<QWidget *>(QLatin1String(name)).size(), qsizetype(1));
        QVERIFY(child<QRadioButton>(d, N::wholeFile)->isChecked()); // no selection: the whole file
        QVERIFY(!child<QRadioButton>(d, N::selectionRange)->isEnabled());
        const auto spec = d.spec();
        QVERIFY2(spec.ok(), spec.message().c_str());
        QCOMPARE(spec->range, (ByteRange{0, 4096}));
    }
};

QTEST_MAIN(TestJobDialog)
#include "tst_jobdialog.moc"
