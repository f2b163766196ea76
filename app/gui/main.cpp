// hexmap: the GUI. `hexmap [FILE]`, `hexmap --demo`, plus --screenshot PATH, --screenshot-job PATH (demojobshot.h),
// --measure-startup and --list-actions for docs, tests and benchmarks. The user interface follows the system
// locale (translations.h).
//
// Command-line errors (a FILE that cannot be opened, a demo file that cannot be created, bad options) are printed
// to stderr as "hexmap: PATH: reason" and exit with code 1 before any window is created, so they work without a
// display too. Errors after startup (File > Open, Open Recent, drag and drop) show a message box instead.
#include "actionlister.h"
#include "demojobshot.h"
#include "firstpaintwatcher.h"
#include "translations.h"

#include "ui/demofile.h"
#include "ui/desktopsupport.h"
#include "ui/hexview.h"
#include "ui/mainwindow.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QIcon>
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
    parser.addOptions({helpOption, versionOption, demoOption, screenshotOption, screenshotJobOption, measureOption,
                       listActionsOption});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "The file to open (read-only).")),
                                 QStringLiteral("[file]"));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
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
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet(demoOption)))
        return fail(tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "give one file, or --demo (see --help)")));

    const QString screenshotJob = parser.value(screenshotJobOption);
    if (!screenshotJob.isEmpty() && !positional.isEmpty())
        return fail(tl.text(Context, QT_TRANSLATE_NOOP("hexmap", "--screenshot-job works on the demo file only (it "
                                                                 "rewrites it afterwards): give no file")));

    QString path;
    if (parser.isSet(demoOption) || !screenshotJob.isEmpty()) {
        QString error;
        const auto demo = demoFilePath(tl, &error);
        if (!demo)
            return fail(error);
        path = *demo;
    } else if (!positional.isEmpty()) {
        path = positional.front();
    }
    hexmap::MappedFile file;
    if (!path.isEmpty()) {
        auto opened = hexmap::MappedFile::openReadOnly(QFile::encodeName(path).toStdString());
        if (!opened)
            return fail(QString::fromStdString(opened.message()));
        file = std::move(*opened);
    }

    QApplication app(argc, argv);
    translations.install();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/hexmap/icons/hexmap.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("hexmap"));

    hexmap::MainWindow window;
    new hexmap::DesktopSupport(&window, window.hexView(), window.windowActions()); // owned by the window
    applyPaletteFromEnvironment();
    if (file.isValid())
        window.showFile(file);
    file = {};
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
