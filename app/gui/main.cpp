// hexmap: the GUI. `hexmap [FILE]`, `hexmap --demo`, plus --screenshot PATH and --measure-startup for docs,
// tests and benchmarks.
//
// Command-line errors (a FILE that cannot be opened, a demo file that cannot be created, bad options) are printed
// to stderr as "hexmap: PATH: reason" and exit with code 1 before any window is created, so they work without a
// display too. Errors after startup (File > Open, Open Recent, drag and drop) show a message box instead.
#include "firstpaintwatcher.h"

#include "ui/demofile.h"
#include "ui/hexview.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QIcon>
#include <QPalette>
#include <QStandardPaths>
#include <QStyleFactory>

#include <cstdio>
#include <optional>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "hexmap: %s\n", qPrintable(message));
    return 1;
}

// HEXMAP_PALETTE=dark: the Fusion style with a dark palette (for screenshots and checking the view's colours).
void applyPaletteFromEnvironment()
{
    if (qEnvironmentVariable("HEXMAP_PALETTE") != QLatin1String("dark"))
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    p.setColor(QPalette::Window, QColor(45, 45, 48));
    p.setColor(QPalette::WindowText, QColor(220, 220, 220));
    p.setColor(QPalette::Base, QColor(30, 30, 32));
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
    p.setColor(QPalette::Text, QColor(220, 220, 220));
    p.setColor(QPalette::Button, QColor(50, 50, 54));
    p.setColor(QPalette::ButtonText, QColor(220, 220, 220));
    p.setColor(QPalette::ToolTipBase, QColor(50, 50, 54));
    p.setColor(QPalette::ToolTipText, QColor(220, 220, 220));
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    QApplication::setPalette(p);
}

// The demo file in the cache directory, created unless a valid one exists already. Empty path + message on error.
std::optional<QString> demoFilePath(QString *error)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (dir.isEmpty() || !QDir().mkpath(dir)) {
        *error = QStringLiteral("%1: cannot create the cache directory").arg(dir);
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

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hexmap: a hex editor and visualizer for huge files."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QStringLiteral("Create (once) and open a 256 MiB demo file in the cache directory."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Save a PNG of the window once painted, then quit."),
                                              QStringLiteral("path"));
    const QCommandLineOption measureOption(QStringLiteral("measure-startup"),
                                           QStringLiteral("Print the time to the first painted frame and the peak RSS, then quit."));
    parser.addOptions({demoOption, screenshotOption, measureOption});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The file to open (read-only)."),
                                 QStringLiteral("[file]"));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::printf("hexmap %s\n", HEXMAP_VERSION);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet(demoOption)))
        return fail(QStringLiteral("give one file, or --demo (see --help)"));

    QString path;
    if (parser.isSet(demoOption)) {
        QString error;
        const auto demo = demoFilePath(&error);
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
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/hexmap/icons/hexmap.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("hexmap"));
    applyPaletteFromEnvironment();

    hexmap::MainWindow window;
    if (file.isValid())
        window.showFile(file);
    file = {};

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
