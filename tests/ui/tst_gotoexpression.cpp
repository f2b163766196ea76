#include "ui/view/gotodialog.h"
#include "ui/view/gotoexpression.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QDialogButtonBox>
#include <QtTest>

#include <cstdint>

using namespace hexmap;

class TestGotoExpression : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void placeholderShowsTheSyntax();
    void dialogFlagsInvalidInput();
};

void TestGotoExpression::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<quint64>("cursor");
    QTest::addColumn<quint64>("fileSize");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("expected");
    QTest::addColumn<bool>("flagged"); // an error message is shown

    const quint64 size = 4096;
    const quint64 tib = 1ull << 40;
    const quint64 max = UINT64_MAX;
    // absolute
    QTest::newRow("zero") << "0" << 100ull << size << true << 0ull << false;
    QTest::newRow("decimal") << "1234" << 100ull << size << true << 1234ull << false;
    QTest::newRow("hex") << "0x4D2" << 100ull << size << true << 1234ull << false;
    QTest::newRow("hex upper prefix") << "0XfF" << 0ull << size << true << 255ull << false;
    QTest::newRow("spaces") << "  42  " << 0ull << size << true << 42ull << false;
    QTest::newRow("suffix") << "2K" << 0ull << size << true << 2048ull << false;
    QTest::newRow("last byte") << "4095" << 0ull << size << true << 4095ull << false;
    QTest::newRow("file size = end") << "4096" << 0ull << size << true << 4096ull << false;
    QTest::newRow("past end") << "4097" << 0ull << size << false << 0ull << true;
    QTest::newRow("1 TiB last byte") << "0xFFFFFFFFFF" << 0ull << tib << true << (tib - 1) << false;
    QTest::newRow("overflow") << "18446744073709551616" << 0ull << max << false << 0ull << true;
    // relative to the cursor
    QTest::newRow("plus") << "+16" << 100ull << size << true << 116ull << false;
    QTest::newRow("plus hex") << "+0x10" << 100ull << size << true << 116ull << false;
    QTest::newRow("plus space") << "+ 16" << 100ull << size << true << 116ull << false;
    QTest::newRow("plus to end") << "+3996" << 100ull << size << true << 4096ull << false;
    QTest::newRow("plus past end") << "+3997" << 100ull << size << false << 0ull << true;
    QTest::newRow("plus overflow") << "+1" << max << max << false << 0ull << true;
    QTest::newRow("plus huge") << "+0xFFFFFFFFFFFFFFFF" << 1ull << max << false << 0ull << true;
    QTest::newRow("minus") << "-16" << 100ull << size << true << 84ull << false;
    QTest::newRow("minus to start") << "-100" << 100ull << size << true << 0ull << false;
    QTest::newRow("minus before start") << "-101" << 100ull << size << false << 0ull << true;
    QTest::newRow("double sign") << "+-1" << 100ull << size << false << 0ull << true;
    QTest::newRow("sign alone") << "+" << 100ull << size << false << 0ull << true;
    // from the end
    QTest::newRow("end") << "end" << 0ull << size << true << 4096ull << false;
    QTest::newRow("END upper") << "END-1" << 0ull << size << true << 4095ull << false;
    QTest::newRow("end-16") << "end-16" << 0ull << size << true << 4080ull << false;
    QTest::newRow("end - 0x10") << "end - 0x10" << 0ull << size << true << 4080ull << false;
    QTest::newRow("end-1K") << "end-1K" << 0ull << size << true << 3072ull << false;
    QTest::newRow("end-size") << "end-4096" << 0ull << size << true << 0ull << false;
    QTest::newRow("end before start") << "end-4097" << 0ull << size << false << 0ull << true;
    QTest::newRow("end 1 TiB") << "end-1" << 0ull << tib << true << (tib - 1) << false;
    QTest::newRow("end plus") << "end+1" << 0ull << size << false << 0ull << true;
    QTest::newRow("end junk") << "endx" << 0ull << size << false << 0ull << true;
    QTest::newRow("end minus nothing") << "end-" << 0ull << size << false << 0ull << true;
    // malformed
    QTest::newRow("empty") << "" << 0ull << size << false << 0ull << false;
    QTest::newRow("blank") << "   " << 0ull << size << false << 0ull << false;
    QTest::newRow("letters") << "abc" << 0ull << size << false << 0ull << true;
    QTest::newRow("bare hex digits") << "FF" << 0ull << size << false << 0ull << true;
    QTest::newRow("0x alone") << "0x" << 0ull << size << false << 0ull << true;
    QTest::newRow("fraction") << "1.5K" << 0ull << size << false << 0ull << true;
    QTest::newRow("negative hex junk") << "-0xZZ" << 100ull << size << false << 0ull << true;
}

void TestGotoExpression::parse()
{
    QFETCH(QString, text);
    QFETCH(quint64, cursor);
    QFETCH(quint64, fileSize);
    QFETCH(bool, valid);
    QFETCH(quint64, expected);
    QFETCH(bool, flagged);

    const GotoTarget target = parseGotoExpression(text, cursor, fileSize);
    QCOMPARE(target.isValid(), valid);
    if (valid) {
        QCOMPARE(*target.offset, expected);
        QVERIFY(target.error.isEmpty());
    }
    QCOMPARE(!target.error.isEmpty(), flagged);
}

void TestGotoExpression::placeholderShowsTheSyntax()
{
    const QString placeholder = gotoExpressionPlaceholder();
    for (const char *example : {"0x", "+", "-", "end-"})
        QVERIFY2(placeholder.contains(QLatin1String(example)), example);
    // Every comma-separated example in the placeholder parses.
    for (const QString &example : placeholder.split(QLatin1Char(','), Qt::SkipEmptyParts))
        QVERIFY2(parseGotoExpression(example, 2048, 4096).isValid(), qPrintable(example));
}

void TestGotoExpression::dialogFlagsInvalidInput()
{
    GotoDialog dialog(100, 4096);
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("gotoEdit"));
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("gotoMessage"));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(edit && message && buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    QVERIFY(!edit->placeholderText().isEmpty());

    QVERIFY(!ok->isEnabled()); // empty: invalid, but not flagged
    QVERIFY(message->text().isEmpty());

    QTest::keyClicks(edit, QStringLiteral("+0x10"));
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog.isInputValid());
    QCOMPARE(dialog.targetOffset(), 116u);
    QVERIFY(message->text().isEmpty());
    QVERIFY(edit->styleSheet().isEmpty());

    edit->setText(QStringLiteral("9999"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(!dialog.isInputValid());
    QVERIFY2(message->text().contains(QLatin1String("4096")), qPrintable(message->text()));
    QVERIFY(edit->styleSheet().contains(QLatin1String("border")));
    QVERIFY(edit->property("invalid").toBool());

    edit->setText(QStringLiteral("end-1"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.targetOffset(), 4095u);
    QVERIFY(!edit->property("invalid").toBool());
}

QTEST_MAIN(TestGotoExpression)
#include "tst_gotoexpression.moc"
