// Strings from functions with a local tr() (no QObject) are looked up in the context the .ts file files them
// under, so they show in Chinese under zh_CN (they had stayed English: the contexts differed).
#include "core/mappedfile.h"
#include "core/piecetable.h"
#include "ui/view/gotoexpression.h"
#include "ui/view/selectioncopier.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace hexmap;

namespace {
bool hasChinese(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}
} // namespace

class TestTranslationContexts : public QObject {
    Q_OBJECT
    QTranslator m_translator;

private slots:
    void initTestCase()
    {
        QVERIFY(m_translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("hexmap"), QStringLiteral("_"),
                                  QStringLiteral(":/hexmap/translations")));
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
    }

    void gotoErrorsAreTranslated()
    {
        const GotoTarget target = parseGotoExpression(QStringLiteral("zz"), 0, 100);
        QVERIFY(!target.isValid());
        QVERIFY2(hasChinese(target.error), qPrintable(target.error));
    }

    void copyMessagesAreTranslated()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("copy.bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(QByteArray(64, 'a')), qint64(64));
        f.close();
        auto file = MappedFile::openReadOnly(path.toStdString());
        QVERIFY(file.ok());
        QString message;
        const PieceSnapshot document = PieceTable(64).snapshot();
        QVERIFY(!SelectionCopier::copy(*file, document, ByteRange{0, 64}, CopyFormatter::Format::HexText, 16, &message));
        QVERIFY2(hasChinese(message), qPrintable(message));
    }
};

QTEST_MAIN(TestTranslationContexts)
#include "tst_translationcontexts.moc"
