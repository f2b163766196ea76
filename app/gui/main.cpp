// hexmap: the GUI. `hexmap [FILE...]` (one tab each), `hexmap --demo`, plus --screenshot PATH, --screenshot-job PATH (demojobshot.h),
// --measure-startup, --list-actions and --window-size WxH for docs, tests and benchmarks. The user interface follows the system
// locale (translations.h).
//
// Command-line errors (a FILE that cannot be opened, a demo file that cannot be created, bad options) are printed
// to stderr as "hexmap: PATH: reason" and exit with code 1 before any window is created, so they work without a
// display too. Errors after startup (File > Open, Open Recent, drag and drop) show a message box instead.
#include "actionlister.h"
#include "demojobshot.h"
#include "firstpaintwatcher.h"
#include "translations.h"

#include "ui/window/demofile.h"
#include "ui/view/hexview.h"
#include "ui/window/mainwindow.h"
#include "ui/window/sessionstore.h"
#include "ui/common/preferences.h"
#include "ui/common/settingsguard.h"
#include "ui/common/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QIcon>
#include <QSize>
#include <QStandardPaths>

#include <cstdio>
#include <optional>

namespace {

// Texts shown before the application object exists, translated through Translations::text() in this context.
constexpr const char *Context = "hexmap";

int fail(const QString &message)
{
    std::fprintf(stderr, "hexmap: %s\n", qPrintable(message));
    return 1;
}

// HEXMAP_PALETTE=dark: the Fusion style with the dark palette (for screenshots and checking the view's colours);
// it overrides the theme chosen in Preferences for this run.
void applyPaletteFromEnvironment()
{
    if (qEnvironmentVariable("HEXMAP_PALETTE") == QLatin1String("dark"))
        hexmap::applyTheme(hexmap::Preferences::Theme::Dark);
}

// The demo file in the cache directory, created unless a valid one exists already. Empty path + message on error.
std::optional<QString> demoFilePath(const hexmap::Translations &tl, QString *error)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (dir.isEmpty() || !QDir().mkpath(dir)) {
        *error = tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "%1: cannot create the cache directory")).arg(dir);
        return std::nullopt;
    }
    const QString path = QDir(dir).filePath(QStringLiteral("demo.bin"));
    const std::string native = QFile::encodeName(path).toStdString();
    if (!hexmap::isDemoFile(native)) {
        if (auto status = hexmap::writeDemoFile(native); !status) {
            *error = QString::fromStdString(status.message());
            return std::nullopt;
        }
    }
    return path;
}

// The command line for QCommandLineParser, which only takes QStrings. An argument that does not survive the
// local 8-bit decoding (a file name that is not UTF-8, e.g. $'v\xff') is replaced by a placeholder that no decoded
// argument can contain (a lone surrogate) and bytes() gives its exact bytes back; "--opt=VALUE" keeps "--opt=".
struct RawArguments {
    QStringList strings;
    QHash<QString, QByteArray> raw;

    RawArguments(int argc, char **argv)
    {
        for (int i = 0; i < argc; ++i) {
            const QByteArray bytes(argv[i]);
            const QString text = QString::fromLocal8Bit(bytes);
            if (text.toLocal8Bit() == bytes || (bytes.startsWith('-') && !bytes.contains('='))) { // options stay options
                strings << text;
                continue;
            }
            const qsizetype eq = bytes.startsWith("--") ? bytes.indexOf('=') : -1;
            const QString placeholder = QString(QChar(0xDC80)) + QString::number(i);
            raw.insert(placeholder, eq < 0 ? bytes : bytes.mid(eq + 1));
            strings << (eq < 0 ? placeholder : QString::fromLocal8Bit(bytes.left(eq + 1)) + placeholder);
        }
    }
    QByteArray bytes(const QString &argument) const
    {
        return raw.contains(argument) ? raw.value(argument) : QFile::encodeName(argument);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer started;
    started.start();
    QCoreApplication::setOrganizationName(QStringLiteral("Hexmap"));
    QCoreApplication::setApplicationName(QStringLiteral("hexmap"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEXMAP_VERSION));

    hexmap::Translations translations;
    const auto &tl = translations;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "Hexmap: a hex editor and visualizer for huge files.")));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "Show this help and exit.")));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "Show the version and exit.")));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "Create (once) and open a 256 MiB demo file in the cache directory.")));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "Save a PNG of the window once painted, then quit.")),
        tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "path")));
    const QCommandLineOption screenshotJobOption(
        QStringLiteral("screenshot-job"),
        tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "Open the demo file, run a 4-worker pattern job over it, save a PNG of the "
                                                     "window half way, then cancel, restore the demo file and quit.")),
        tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "path")));
    const QCommandLineOption measureOption(
        QStringLiteral("measure-startup"),
        tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "Print the time to the first painted frame and the peak RSS, then quit.")));
    const QCommandLineOption listActionsOption(
        QStringLiteral("list-actions"),
        tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "Print every menu action with its shortcut (tab separated), then quit.")));
    const QCommandLineOption windowSizeOption(
        QStringLiteral("window-size"),
        tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "Open the window at this size, e.g. 400x300 (for screenshots).")),
        tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "WIDTHxHEIGHT")));
    parser.addOptions({helpOption, versionOption, demoOption, screenshotOption, screenshotJobOption, measureOption,
                       listActionsOption, windowSizeOption});
    parser.addPositionalArgument(QStringLiteral("files"),
                                 tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "The files to open (read-only), one tab each.")),
                                 QStringLiteral("[file...]"));

    const RawArguments raw(argc, argv);
    const QStringList &arguments = raw.strings;
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(helpOption)) {
        // Without an application object the parser cannot know the program's name.
        QString help = parser.helpText();
        help.replace(QLatin1String("<executable_name>"), QStringLiteral("hexmap"));
        std::fputs(qPrintable(help), stdout);
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::printf("hexmap %s\n", HEXMAP_VERSION);
        return 0;
    }
    QSize windowSize;
    if (parser.isSet(windowSizeOption)) {
        const QString text = parser.value(windowSizeOption);
        const QStringList parts = text.split(QLatin1Char('x'));
        bool okWidth = false;
        bool okHeight = false;
        if (parts.size() == 2)
            windowSize = QSize(parts[0].toInt(&okWidth), parts[1].toInt(&okHeight));
        if (!okWidth || !okHeight || windowSize.width() < 1 || windowSize.height() < 1 || windowSize.width() > 16384
            || windowSize.height() > 16384)
            return fail(tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "--window-size: not a size like 400x300: %1")).arg(text));
    }
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && parser.isSet(demoOption))
        return fail(tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "give files, or --demo (see --help)")));
    // --screenshot-job runs its job on the demo file (and rewrites it afterwards); files given open in tabs beside it.
    const QString screenshotJob = parser.value(screenshotJobOption);

    QString path; // the demo file's, for --screenshot-job
    QList<QByteArray> nativePaths; // the files' names as given: bytes, never re-encoded
    for (const QString &argument : positional)
        nativePaths << raw.bytes(argument);
    if (parser.isSet(demoOption) || !screenshotJob.isEmpty()) {
        QString error;
        const auto demo = demoFilePath(tl, &error);
        if (!demo)
            return fail(error);
        path = *demo;
        nativePaths << QFile::encodeName(path); // last: the current tab
    }
    std::vector<hexmap::MappedFile> files;
    for (const QByteArray &nativePath : nativePaths) {
        auto opened = hexmap::MappedFile::openReadOnly(nativePath.toStdString());
        if (!opened) { // "PATH: reason" with PATH's bytes as given, like other command-line tools
            std::fprintf(stderr, "hexmap: %s\n", opened.message().c_str());
            return 1;
        }
        files.push_back(std::move(*opened));
    }

    // Before the first QSettings: a settings file that is a link or a FIFO is never written through (nor blocked on).
    hexmap::SettingsGuard::instance()->protectSettings();
    QApplication app(argc, argv);
    translations.install();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/hexmap/icons/hexmap.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("hexmap"));

    hexmap::MainWindow window;
    applyPaletteFromEnvironment();
    if (windowSize.isValid())
        window.resize(windowSize); // after the restored geometry, which MainWindow's constructor applied
    for (const hexmap::MappedFile &file : files)
        window.showFile(file); // one tab each; the last one is current
    files.clear();
    // No file named: the files of the last session, when the user asked for that (Preferences).
    if (nativePaths.isEmpty() && !parser.isSet(listActionsOption) && hexmap::Preferences().restoreSession())
        hexmap::SessionStore().restoreInto(window);
    if (parser.isSet(listActionsOption)) {
        std::fputs(qPrintable(hexmap::listMenuActions(window)), stdout);
        return 0;
    }

    if (!screenshotJob.isEmpty()) {
        (new hexmap::DemoJobShot(&window, screenshotJob, path))->start(); // owned by the window
        window.show();
        return QApplication::exec();
    }

    const bool measure = parser.isSet(measureOption);
    const QString screenshot = parser.value(screenshotOption);
    if (measure || !screenshot.isEmpty()) {
        auto *watcher = new hexmap::FirstPaintWatcher(&window, window.hexView()->viewport(), started, &window);
        watcher->setMeasure(measure);
        watcher->setScreenshotPath(screenshot);
        watcher->start();
    }
    window.show();
    return QApplication::exec();
}
