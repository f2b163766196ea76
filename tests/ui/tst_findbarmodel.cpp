// Tests for FindBarModel: where next / previous start, the context text of a result.
#include "ui/find/findbarmodel.h"

#include <QTest>

#include <cstddef>

using namespace hexmap;

class TestFindBarModel : public QObject {
    Q_OBJECT
private slots:
    void startOffsets_data();
    void startOffsets();
    void contextText();
    void validation_data();
    void validation();
    void fitsOneRow_data();
    void fitsOneRow();
};

void TestFindBarModel::fitsOneRow_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("one");
    // groups of 300 and 250 px, 4 px between them, 8 px of margins: one row from 562 px on
    QTest::newRow("exact") << 562 << true;
    QTest::newRow("one pixel short") << 561 << false;
    QTest::newRow("wide") << 1600 << true;
    QTest::newRow("narrow") << 300 << false;
    QTest::newRow("zero") << 0 << false;
}

void TestFindBarModel::fitsOneRow()
{
    QFETCH(int, width);
    QFETCH(bool, one);
    QCOMPARE(hexmap::FindBarModel::fitsOneRow(width, 300, 250, 4, 8), one);
}

void TestFindBarModel::startOffsets_data()
{
    QTest::addColumn<quint64>("cursor");
    QTest::addColumn<quint64>("selOffset");
    QTest::addColumn<quint64>("selSize");
    QTest::addColumn<bool>("forward");
    QTest::addColumn<quint64>("from");
    QTest::addColumn<bool>("wrapped");
    // file size 100
    QTest::newRow("next from cursor") << quint64(10) << quint64(0) << quint64(0) << true << quint64(11) << false;
    QTest::newRow("next from selection end") << quint64(10) << quint64(10) << quint64(5) << true << quint64(15) << false;
    QTest::newRow("next at last byte wraps") << quint64(99) << quint64(0) << quint64(0) << true << quint64(0) << true;
    QTest::newRow("next selection to end wraps") << quint64(90) << quint64(90) << quint64(10) << true << quint64(0) << true;
    QTest::newRow("previous from cursor") << quint64(10) << quint64(0) << quint64(0) << false << quint64(9) << false;
    QTest::newRow("previous before selection") << quint64(12) << quint64(10) << quint64(5) << false << quint64(9) << false;
    QTest::newRow("previous at 0 wraps") << quint64(0) << quint64(0) << quint64(0) << false << quint64(99) << true;
}

void TestFindBarModel::startOffsets()
{
    QFETCH(quint64, cursor);
    QFETCH(quint64, selOffset);
    QFETCH(quint64, selSize);
    QFETCH(bool, forward);
    QFETCH(quint64, from);
    QFETCH(bool, wrapped);
    const ByteRange sel{selOffset, selSize};
    const auto start = forward ? FindBarModel::nextStart(cursor, sel, 100) : FindBarModel::previousStart(cursor, sel, 100);
    QCOMPARE(start.from, std::uint64_t(from));
    QCOMPARE(start.wrappedAlready, wrapped);
}

void TestFindBarModel::contextText()
{
    QByteArray b("hello world, hello hexmap, HELLO again");
    b.append(2, '\0');
    b.append("h\0i\0", 4);
    b.append(4, '\x7F');
    const auto *data = reinterpret_cast<const std::byte *>(b.constData());
    QCOMPARE(FindBarModel::contextText(data, std::uint64_t(b.size()), 13, 5, 2, 2),
             QStringLiteral("2C 20 [68 65 6C 6C 6F] 20 68"));
    QCOMPARE(FindBarModel::contextText(data, std::uint64_t(b.size()), 0, 2, 4, 1), QStringLiteral("[68 65] 6C"));
    QCOMPARE(FindBarModel::contextText(data, std::uint64_t(b.size()), 47, 1, 1, 4), QStringLiteral("7F [7F]"));
}

void TestFindBarModel::validation_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    const int hex = int(FindBarModel::Mode::Hex), text = int(FindBarModel::Mode::Text), utf16 = int(FindBarModel::Mode::Utf16);
    QTest::newRow("hex ok") << hex << QStringLiteral("DE AD ?? EF") << true;
    QTest::newRow("hex bad char") << hex << QStringLiteral("DE AG") << false;
    QTest::newRow("hex odd nibble") << hex << QStringLiteral("DEA") << false;
    QTest::newRow("hex all wildcards") << hex << QStringLiteral("?? ??") << false;
    QTest::newRow("empty is not flagged") << hex << QString() << true;
    QTest::newRow("text ok") << text << QStringLiteral("héllo") << true;
    QTest::newRow("utf16 ok") << utf16 << QStringLiteral("hi \U0001F600") << true;
}

void TestFindBarModel::validation()
{
    QFETCH(int, mode);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const QString message = FindBarModel::validationMessage(FindBarModel::Mode(mode), text, false);
    QCOMPARE(message.isEmpty(), valid);
    if (!text.isEmpty())
        QCOMPARE(bool(FindBarModel::pattern(FindBarModel::Mode(mode), text, false)), valid);
}

QTEST_GUILESS_MAIN(TestFindBarModel)
#include "tst_findbarmodel.moc"
