// hexmap-cli: the command-line front end of the Hexmap engine. Subcommands are listed in commands.h.
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "app/cli/rawarguments.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <stdexcept>

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
        "Fill, zero, pattern-write, insert into, delete from, sync and dump huge files through the Hexmap engine.\n\n"
        "Commands:\n");
    for (const CommandEntry &c : kCommands)
        text += QStringLiteral("  %1 %2\n").arg(QString::fromLatin1(c.name).leftJustified(10), QString::fromUtf8(c.summary));
    text += QStringLiteral(
        "\nRun 'hexmap-cli COMMAND --help' for a command's arguments. Sizes and offsets accept decimal, 0x hex\n"
        "and the suffixes K M G T (powers of 1024) or KB MB GB TB (powers of 1000); negative offsets count from\n"
        "the end of the file. Every command takes --json. Exit codes: 0 ok, 1 I/O error, 2 usage error,\n"
        "3 the file shrank while it was read (search, compare: any I/O error;\n"
        "their 1 means not found / different), 130 cancelled by Ctrl+C.\n\n"
        "Options:\n  -h, --help     Show this help.\n  -v, --version  Show the version.");
    return text;
}

// Test hook: HEXMAP_CLI_TEST_THROW=bad_alloc (or "exception") makes the command throw at its start, to prove
// that runGuarded() turns it into one clear line and a non-zero exit code.
void testThrowHook()
{
    const char *hook = std::getenv("HEXMAP_CLI_TEST_THROW");
    if (!hook)
        return;
    if (std::strcmp(hook, "bad_alloc") == 0)
        throw std::bad_alloc();
    if (std::strcmp(hook, "exception") == 0)
        throw std::runtime_error("test hook exception");
}

// Runs a subcommand; an exception that escapes it (std::bad_alloc when memory runs out, anything else from Qt or
// the standard library) becomes one line on stderr and exit code 1 (3 for search and compare, where 1 means "not
// found" / "different") instead of std::terminate. Exceptions on worker threads are not caught here (see docs/RELIABILITY.md).
int runGuarded(const CommandEntry &command, const QStringList &args)
{
    const QString name = QString::fromLatin1(command.name);
    // search and compare: 1 means "not found" / "different", so an I/O failure is 3.
    const bool oneIsAnAnswer = std::strcmp(command.name, "search") == 0 || std::strcmp(command.name, "compare") == 0;
    const int exitCode = oneIsAnAnswer ? hexmap::cli::ExitReadFailed : hexmap::cli::ExitIoError;
    try {
        testThrowHook();
        return command.run(args);
    } catch (const std::bad_alloc &) {
        // Free what can be freed first: stdout's buffer may hold a partial line; printErr allocates very little.
        std::fflush(stdout);
        std::fprintf(stderr, "hexmap-cli %s: out of memory: the command was stopped\n", command.name);
        std::fflush(stderr);
        if (args.contains(QStringLiteral("--json")))
            std::printf("{\"command\":\"%s\",\"error\":\"out of memory\",\"exitCode\":%d,\"ok\":false}\n",
                        command.name, exitCode);
    } catch (const std::exception &e) {
        std::fflush(stdout);
        printErr(QStringLiteral("hexmap-cli %1: internal error: %2").arg(name, QString::fromLocal8Bit(e.what())));
    } catch (...) {
        std::fflush(stdout);
        printErr(QStringLiteral("hexmap-cli %1: internal error (unknown exception)").arg(name));
    }
    return exitCode;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hexmap-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEXMAP_VERSION));

    // The arguments exactly as the bytes in argv (QCoreApplication::arguments() would turn bytes that are not
    // UTF-8 into U+FFFD and name another file): see rawarguments.h.
    QStringList args = hexmap::cli::argumentsFrom(argc, argv, 1);
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
            return runGuarded(c, args);
    }
    printErr(QStringLiteral("hexmap-cli: unknown command '%1' (see hexmap-cli --help)").arg(first));
    return hexmap::cli::ExitUsage;
}
