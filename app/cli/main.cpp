// hexmap-cli: the command-line front end of the Hexmap engine. Subcommands are listed in commands.h.
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstring>

namespace {

using hexmap::cli::printErr;
using hexmap::cli::printOut;

struct CommandEntry {
    const char *name;
    int (*run)(const QStringList &);
    const char *summary;
};

#define HEXMAP_CLI_ENTRY(name, function, summary) CommandEntry{name, &hexmap::cli::function, summary},
const CommandEntry kCommands[] = {HEXMAP_CLI_COMMANDS(HEXMAP_CLI_ENTRY)};
#undef HEXMAP_CLI_ENTRY

QString generalHelp()
{
    QString text = QStringLiteral(
        "Usage: hexmap-cli COMMAND [ARGS...] [OPTIONS]\n"
        "Fill, zero, pattern-write, sync and dump huge files through the Hexmap memory-mapped engine.\n\n"
        "Commands:\n");
    for (const CommandEntry &c : kCommands)
        text += QStringLiteral("  %1 %2\n").arg(QString::fromLatin1(c.name).leftJustified(9), QString::fromUtf8(c.summary));
    text += QStringLiteral(
        "\nRun 'hexmap-cli COMMAND --help' for a command's arguments. Sizes and offsets accept decimal, 0x hex\n"
        "and the suffixes K M G T (powers of 1024) or KB MB GB TB (powers of 1000); negative offsets count from\n"
        "the end of the file. Every command takes --json. Exit codes: 0 ok, 1 I/O error, 2 usage error,\n"
        "130 cancelled by Ctrl+C.\n\n"
        "Options:\n  -h, --help     Show this help.\n  -v, --version  Show the version.");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hexmap-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEXMAP_VERSION));

    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty()) {
        printErr(QStringLiteral("hexmap-cli: missing command (see hexmap-cli --help)"));
        return hexmap::cli::ExitUsage;
    }
    const QString first = args.takeFirst();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printOut(generalHelp());
        return hexmap::cli::ExitOk;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        printOut(QStringLiteral("hexmap-cli " HEXMAP_VERSION));
        return hexmap::cli::ExitOk;
    }
    for (const CommandEntry &c : kCommands) {
        if (first == QLatin1String(c.name))
            return c.run(args);
    }
    printErr(QStringLiteral("hexmap-cli: unknown command '%1' (see hexmap-cli --help)").arg(first));
    return hexmap::cli::ExitUsage;
}
