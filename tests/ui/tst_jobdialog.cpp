#include "ui/jobs/jobdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

using namespace hexmap;

class TestJobDialog : public QObject
{
    Q_OBJECT
private slots:
    void patternFromTypedRange()
    {
        JobDialog d(JobOperation::Pattern, 1ull << 30, {}, nullptr);
        QVERIFY(!d.okButton()->isEnabled()); // no pattern yet
        d.customRangeButton()->setChecked(true);
        QTest::keyClicks(d.offsetEdit(), "0x1000");
        QTest::keyClicks(d.lengthEdit(), "1 MiB");
        QTest::keyClicks(d.valueEdit(), "DE AD BE EF");
        d.threadsBox()->setValue(4);
        QVERIFY(d.okButton()->isEnabled());
        QCOMPARE(d.previewLabel()->text(), QString("DE AD BE EF DE AD BE EF DE AD BE EF DE AD BE EF …"));
        QVERIFY(d.summaryLabel()->text().contains("1,048,576 bytes"));
        QVERIFY(d.summaryLabel()->text().contains("cannot be undone"));
        const auto spec = d.spec();
        QVERIFY(spec.ok());
        QCOMPARE(spec->range, (ByteRange{0x1000, 1ull << 20}));
        QCOMPARE(spec->threads, 4u);
        QCOMPARE(spec->pattern.size(), std::size_t(4));
    }

    void unsavedEditsDisableOk()
    {
        JobDialog d(JobOperation::Zero, 4096, {100, 10}, nullptr);
        QVERIFY(d.okButton()->isEnabled());
        QCOMPARE(d.spec()->range, (ByteRange{100, 10}));
        d.setUnsavedEdits({{105, 1}});
        QVERIFY(!d.okButton()->isEnabled());
        d.setUnsavedEdits({{200, 1}});
        QVERIFY(d.okButton()->isEnabled());
    }

    void switchingOperationRevalidates()
    {
        JobDialog d(JobOperation::Fill, 4096, {}, nullptr);
        QTest::keyClicks(d.valueEdit(), "0xAB");
        QVERIFY(d.okButton()->isEnabled());
        QCOMPARE(d.spec()->fillByte, std::byte{0xAB});
        d.operationBox()->setCurrentIndex(d.operationBox()->findData(int(JobOperation::Pattern)));
        QVERIFY(d.okButton()->isEnabled()); // "0xAB" is also a one-byte hex pattern
        QCOMPARE(d.spec()->pattern, std::vector<std::byte>{std::byte{0xAB}});
        d.valueEdit()->setText("ABC");
        QVERIFY(!d.okButton()->isEnabled()); // odd digit count
        d.valueEdit()->setText("AB CD");
        QVERIFY(d.okButton()->isEnabled());
        d.formatBox()->setCurrentIndex(1); // text: "AB CD" as 5 ASCII bytes
        QCOMPARE(d.spec()->pattern.size(), std::size_t(5));
    }
};

QTEST_MAIN(TestJobDialog)
#include "tst_jobdialog.moc"
