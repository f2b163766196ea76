// Issue 19 item 1: every dock and dialog is readable in the light and the dark theme, also after switching the theme
// while the window is open (the Data Inspector's values stayed dark text on the dark base). Checked by colour rule:
// each visible label, button and group title against its window, and each item of every table or tree (an item's
// own foreground or background, else the view's Text on Base), by the WCAG contrast ratio: at least 4.5, 3 for
// disabled items and placeholder text (disabled widgets are exempt, as in WCAG). With HEXMAP_SCREENSHOT_DIR set, it also saves a PNG of the window, of each dock and
// of each dialog per theme (scripts/screenshot-looks.sh runs it under xvfb-run for a person to look at).
#include "ui/common/preferences.h"
#include "ui/common/theme.h"
#include "ui/jobs/jobdialog.h"
#include "ui/view/gotodialog.h"
#include "ui/window/mainwindow.h"
#include "ui/window/preferencesdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QtTest>

#include <memory>

using namespace hexmap;

namespace {

QString describe(const QWidget *w, const QString &text)
{
    QStringList path;
    for (const QWidget *p = w; p; p = p->parentWidget())
        if (!p->objectName().isEmpty()) {
            path.prepend(p->objectName());
            if (p->isWindow())
                break;
        }
    return QStringLiteral("%1 \"%2\" (%3)").arg(QString::fromLatin1(w->metaObject()->className()), text.left(40),
                                                 path.join(QLatin1Char('/')));
}

// The problems of `root`'s visible texts: one line each.
QStringList unreadable(const QWidget &root)
{
    QStringList out;
    const auto check = [&out](const QWidget *w, const QString &text, const QColor &fg, const QColor &bg, bool dim) {
        const double ratio = contrastRatio(fg, bg);
        if (ratio < (dim ? 3.0 : 4.5))
            out << QStringLiteral("%1: %2 on %3, contrast %4").arg(describe(w, text), fg.name(), bg.name())
                       .arg(ratio, 0, 'f', 2);
    };
    for (const QWidget *w : root.findChildren<QWidget *>()) {
        if (!w->isVisibleTo(&root) || !w->styleSheet().isEmpty() || !w->isEnabled())
            continue; // a style sheet sets both colours itself; disabled controls are exempt (as in WCAG 1.4.3)
        const QPalette &p = w->palette();
        if (const auto *label = qobject_cast<const QLabel *>(w); label && !label->text().isEmpty())
            check(w, label->text(), p.color(QPalette::WindowText), p.color(QPalette::Window), false);
        else if (const auto *button = qobject_cast<const QAbstractButton *>(w); button && !button->text().isEmpty())
            check(w, button->text(), p.color(button->foregroundRole()), p.color(button->backgroundRole()), false);
        else if (const auto *box = qobject_cast<const QGroupBox *>(w); box && !box->title().isEmpty())
            check(w, box->title(), p.color(QPalette::WindowText), p.color(QPalette::Window), false);
        const auto item = [&](const QString &text, const QVariant &fgData, const QVariant &bgData, bool enabled) {
            if (text.isEmpty())
                return;
            const QColor base = p.color(QPalette::Base);
            QColor bg = bgData.canConvert<QBrush>() && qvariant_cast<QBrush>(bgData).style() != Qt::NoBrush
                            ? qvariant_cast<QBrush>(bgData).color()
                            : base;
            if (bg.alpha() < 255) // a tint over the base
                bg = QColor::fromRgbF(bg.redF() * bg.alphaF() + base.redF() * (1 - bg.alphaF()),
                                      bg.greenF() * bg.alphaF() + base.greenF() * (1 - bg.alphaF()),
                                      bg.blueF() * bg.alphaF() + base.blueF() * (1 - bg.alphaF()));
            const bool own = fgData.canConvert<QBrush>() && qvariant_cast<QBrush>(fgData).style() != Qt::NoBrush;
            const QColor fg = own ? qvariant_cast<QBrush>(fgData).color() : p.color(QPalette::Text);
            // A foreground of the item's own that equals PlaceholderText is meant to be dim.
            check(w, text, fg, bg, !enabled || (own && fg == p.color(QPalette::PlaceholderText)));
        };
        if (const auto *table = qobject_cast<const QTableWidget *>(w)) {
            for (int r = 0; r < table->rowCount(); ++r)
                for (int c = 0; c < table->columnCount(); ++c)
                    if (const QTableWidgetItem *it = table->item(r, c))
                        item(it->text(), it->data(Qt::ForegroundRole), it->data(Qt::BackgroundRole),
                             it->flags().testFlag(Qt::ItemIsEnabled));
        } else if (const auto *tree = qobject_cast<const QTreeWidget *>(w)) {
            for (QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(tree)); *it; ++it)
                for (int c = 0; c < tree->columnCount(); ++c)
                    item((*it)->text(c), (*it)->data(c, Qt::ForegroundRole), (*it)->data(c, Qt::BackgroundRole),
                         !(*it)->isDisabled());
        }
    }
    return out;
}

} // namespace

class TestThemes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyDockAndDialogIsReadable_data();
    void everyDockAndDialogIsReadable();
    void gotoDialogIsReadable_data();
    void gotoDialogIsReadable();

private:
    void shoot(QWidget &w, const QString &name);
    QTemporaryDir m_dir;
    QString m_path;
    QString m_shots;
};

void TestThemes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_themes"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("looks.bin"));
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray bytes(256 * 1024, '\0');
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char(i * 7);
    bytes.replace(0, 12, "Hexmap looks");
    QCOMPARE(f.write(bytes), qint64(bytes.size()));
    m_shots = qEnvironmentVariable("HEXMAP_SCREENSHOT_DIR");
}

void TestThemes::cleanupTestCase() { applyTheme(Preferences::Theme::System); }

void TestThemes::shoot(QWidget &w, const QString &name)
{
    if (!m_shots.isEmpty())
        QVERIFY2(w.grab().save(m_shots + QLatin1Char('/') + name + QStringLiteral(".png")), qPrintable(name));
}

void TestThemes::everyDockAndDialogIsReadable_data()
{
    QTest::addColumn<int>("startTheme");
    QTest::addColumn<int>("theme");
    // As the app starts: the window is built, then the theme applied (HEXMAP_PALETTE=dark, or Preferences).
    QTest::newRow("dark") << int(Preferences::Theme::Light) << int(Preferences::Theme::Dark);
    QTest::newRow("light") << int(Preferences::Theme::Dark) << int(Preferences::Theme::Light);
}

void TestThemes::everyDockAndDialogIsReadable()
{
    QFETCH(int, startTheme);
    QFETCH(int, theme);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    applyTheme(Preferences::Theme(startTheme));
    MainWindow window;
    window.setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(window.openFile(m_path));
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    applyTheme(Preferences::Theme(theme));
    QCoreApplication::processEvents();

    QStringList problems = unreadable(window);
    shoot(window, QStringLiteral("window-%1").arg(tag));
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        dock->show();
        dock->raise(); // the current tab of its group
        QCoreApplication::processEvents();
        problems << unreadable(*dock);
        shoot(*dock, QStringLiteral("dock-%1-%2").arg(dock->objectName(), tag));
    }

    JobDialog::forgetInputs(); // the dialog as it first opens, not with the last run's input
    JobDialog job(JobOperation::Pattern, 256 * 1024, {0x100, 0x40}, &window);
    job.show();
    QVERIFY(QTest::qWaitForWindowExposed(&job));
    problems << unreadable(job);
    shoot(job, QStringLiteral("dialog-job-%1").arg(tag));
    job.findChild<QLineEdit *>(QLatin1String(JobDialog::ObjectName::value))->setText(QStringLiteral("XYZ"));
    problems << unreadable(job); // the error line
    shoot(job, QStringLiteral("dialog-job-error-%1").arg(tag));
    job.close();

    Preferences preferences;
    PreferencesDialog prefs(&preferences, &window);
    prefs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&prefs));
    problems << unreadable(prefs);
    shoot(prefs, QStringLiteral("dialog-preferences-%1").arg(tag));
    prefs.close();

    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("\n") + problems.join(QLatin1Char('\n'))));
}

void TestThemes::gotoDialogIsReadable_data() { everyDockAndDialogIsReadable_data(); }

// Go to's error line, shown by typing a bad offset: it takes errorTextColor() of the current theme (it was a fixed
// #d03030, 2.7:1 on the dark window and 4.4:1 on the light one).
void TestThemes::gotoDialogIsReadable()
{
    QFETCH(int, startTheme);
    QFETCH(int, theme);
    applyTheme(Preferences::Theme(startTheme));
    QWidget parent;
    GotoDialog go(0, 256 * 1024, &parent);
    applyTheme(Preferences::Theme(theme));
    go.show();
    QVERIFY(QTest::qWaitForWindowExposed(&go));
    go.setText(QStringLiteral("0xzz"));
    const QStringList problems = unreadable(go);
    shoot(go, QStringLiteral("dialog-goto-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("\n") + problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestThemes)
#include "tst_themes.moc"
