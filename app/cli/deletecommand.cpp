// hexmap-cli delete FILE --offset O --length L
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "app/cli/shiftrunner.h"
#include "core/shiftlayouts.h"

namespace hexmap::cli {

int runDelete(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("delete"),
                    QStringLiteral("Delete a range of FILE, moving the rest of the file down, in place and crash-safe "
                                   "(a journal completes an interrupted delete on the next open)."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to change (it shrinks)."));
    cli.addRangeOptions();
    ShiftRunner::addOptions(cli);
    if (auto code = cli.parse(arguments, 1, 1))
        return *code;
    if (!cli.isSet(QStringLiteral("offset")) || !cli.isSet(QStringLiteral("length")))
        return cli.fail(ExitUsage, QStringLiteral("give both --offset O and --length L (the range to delete)"));
    ShiftRunner runner(cli, QStringLiteral("deleted %1 bytes").arg(cli.value(QStringLiteral("length"))));
    return runner.run([&](std::uint64_t size, int *exitCode) -> std::optional<SaveLayout> {
        auto range = cli.range(size, exitCode, cli.positionals().at(0)); // the file may have changed: name it
        if (!range)
            return std::nullopt;
        auto layout = deleteLayout(size, range->offset, range->size); // cli.range() checked the bounds
        if (!layout) {
            *exitCode = cli.fail(ExitUsage, CommandLine::fromStd(layout.message()));
            return std::nullopt;
        }
        return std::move(*layout);
    });
}

} // namespace hexmap::cli
