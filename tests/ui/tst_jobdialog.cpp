#include "ui/jobs/jobdialog.h"
#include "jobdialogtesthelpers.h"
#include "labeltesthelpers.h"

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

    void init() { JobDialog::forgetInputs(); }

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

    // Issue 19 item 9: a dialog that just opened shows no error ("Malformed input" was shown before anything was
    // typed), but a neutral hint; OK stays disabled. A bad value does show an error, naming the field and the text.
    void noErrorBeforeInput_data()
    {
        QTest::addColumn<int>("op");
        QTest::newRow("fill") << int(JobOperation::Fill);
        QTest::newRow("pattern") << int(JobOperation::Pattern);
    }
    void noErrorBeforeInput()
    {
        QFETCH(int, op);
        JobDialog d(JobOperation(op), 4096, {}, nullptr);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto *error = child<QLabel>(d, JobDialog::ObjectName::error);
        QVERIFY2(!error->isVisible() && error->text().isEmpty(), qPrintable(error->text()));
        QVERIFY(!okButton(d)->isEnabled());
        QCOMPARE(summaryLabel(d)->text(), d.model().hintText());
        QVERIFY(!d.model().hintText().isEmpty());
        QTest::keyClicks(valueEdit(d), "zz");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("zz")), qPrintable(error->text()));
        QVERIFY(!okButton(d)->isEnabled());
        valueEdit(d)->clear(); // back to nothing typed: the hint again, no error
        QVERIFY(!error->isVisible());
        QCOMPARE(summaryLabel(d)->text(), d.model().hintText());
        valueEdit(d)->setText(QStringLiteral("0x41"));
        QVERIFY(okButton(d)->isEnabled());
        QVERIFY(!error->isVisible());
        QVERIFY(summaryLabel(d)->text().contains(QStringLiteral("cannot be undone")));
    }

    // Issue 19 item 9: the dialog forgot what was typed; the next one (this session) starts from it, whether the
    // last one was accepted or cancelled. A selection still comes first as the range.
    void remembersInputsBetweenUses_data()
    {
        QTest::addColumn<bool>("accept");
        QTest::newRow("accepted") << true;
        QTest::newRow("cancelled") << false;
    }
    void remembersInputsBetweenUses()
    {
        QFETCH(bool, accept);
        {
            JobDialog d(JobOperation::Pattern, 1ull << 20, {}, nullptr);
            customRangeButton(d)->setChecked(true);
            offsetEdit(d)->setText(QStringLiteral("0x100"));
            lengthEdit(d)->setText(QStringLiteral("4K"));
            valueEdit(d)->setText(QStringLiteral("hello"));
            formatBox(d)->setCurrentIndex(formatBox(d)->findData(int(JobDialogModel::PatternFormat::Text)));
            threadsBox(d)->setValue(3);
            chunkEdit(d)->setText(QStringLiteral("64K"));
            QVERIFY(okButton(d)->isEnabled());
            d.done(accept ? QDialog::Accepted : QDialog::Rejected); // what accept() ends in, without the confirmation box
            QCOMPARE(d.result(), accept ? int(QDialog::Accepted) : int(QDialog::Rejected));
        }
        JobDialog again(JobOperation::Pattern, 1ull << 20, {}, nullptr);
        QCOMPARE(valueEdit(again)->text(), QStringLiteral("hello"));
        QCOMPARE(formatBox(again)->currentData().toInt(), int(JobDialogModel::PatternFormat::Text));
        QVERIFY(customRangeButton(again)->isChecked());
        QCOMPARE(offsetEdit(again)->text(), QStringLiteral("0x100"));
        QCOMPARE(lengthEdit(again)->text(), QStringLiteral("4K"));
        QCOMPARE(threadsBox(again)->value(), 3);
        QCOMPARE(chunkEdit(again)->text(), QStringLiteral("64K"));
        const auto spec = again.spec();
        QVERIFY2(spec.ok(), spec.message().c_str());
        QCOMPARE(spec->range, (ByteRange{0x100, 4096}));
        QCOMPARE(spec->pattern.size(), std::size_t(5));
        QCOMPARE(spec->chunkSize, std::uint64_t(64 * 1024));
        again.reject();

        JobDialog withSelection(JobOperation::Pattern, 1ull << 20, {16, 32}, nullptr);
        QVERIFY(child<QRadioButton>(withSelection, JobDialog::ObjectName::selectionRange)->isChecked());
        QCOMPARE(withSelection.spec()->range, (ByteRange{16, 32}));
        QCOMPARE(valueEdit(withSelection)->text(), QStringLiteral("hello"));

        JobDialog::forgetInputs();
        JobDialog fresh(JobOperation::Pattern, 1ull << 20, {}, nullptr);
        QVERIFY(valueEdit(fresh)->text().isEmpty());
        QVERIFY(!customRangeButton(fresh)->isChecked());
    }

    // No label shows a literal '&': each mnemonic has its field as buddy.
    void labelsHaveBuddies()
    {
        for (const JobOperation op : {JobOperation::Fill, JobOperation::Zero, JobOperation::Pattern}) {
            JobDialog d(op, 4096, {}, nullptr);
            const QStringList bare = labeltest::labelsShowingAmpersands(d);
            QVERIFY2(bare.isEmpty(), qPrintable(bare.join(QStringLiteral(", "))));
        }
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
