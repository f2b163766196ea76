// hexmap-cli fill FILE BYTE [range] [job options]
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "app/cli/jobrunner.h"
#include "core/numberparser.h"

namespace hexmap::cli {

int runFill(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("fill"), QStringLiteral("Fill a range of FILE with one byte value."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to write (its size does not change)."));
    cli.addPositional(QStringLiteral("BYTE"), QStringLiteral("The value: 0xAB, 171 or 0b10101011."));
    cli.addRangeOptions();
    cli.addJobOptions();
    if (auto code = cli.parse(arguments, 2, 2))
        return *code;
    auto value = parseByte(cli.positionalBytes(1));
    if (!value)
        return cli.fail(ExitUsage, QStringLiteral("malformed byte (0xAB, 171 or 0b10101011): ")
                                       + CommandLine::fromStd(value.message()));
    JobRunner runner(cli, QStringLiteral("filled"));
    JobSpec spec;
    spec.operation = JobOperation::Fill;
    spec.fillByte = static_cast<std::byte>(*value);
    if (auto code = runner.applyOptions(spec))
        return *code;
    return runner.runOnFileArgument(std::move(spec));
}

} // namespace hexmap::cli
