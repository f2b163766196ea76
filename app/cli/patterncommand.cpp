// hexmap-cli pattern FILE HEX [range] [job options]
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "app/cli/jobrunner.h"
#include "core/hexbytes.h"

namespace hexmap::cli {

int runPattern(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("pattern"),
                    QStringLiteral("Repeat a byte pattern over a range of FILE, aligned to the range start."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to write (its size does not change)."));
    cli.addPositional(QStringLiteral("HEX"), QStringLiteral("The pattern, 1 byte to 64 KiB: \"DE AD BE EF\" or "
                                                            "deadbeef."));
    cli.addRangeOptions();
    cli.addJobOptions();
    if (auto code = cli.parse(arguments, 2, 2))
        return *code;
    auto pattern = parseHexBytes(cli.positionalBytes(1), false, JobSpec::kMaxPatternSize);
    if (!pattern)
        return cli.fail(ExitUsage, QStringLiteral("malformed hex pattern: ") + CommandLine::fromStd(pattern.message()));
    JobRunner runner(cli, QStringLiteral("patterned"));
    JobSpec spec;
    spec.operation = JobOperation::Pattern;
    spec.pattern = pattern->bytes;
    if (auto code = runner.applyOptions(spec))
        return *code;
    return runner.runOnFileArgument(std::move(spec));
}

} // namespace hexmap::cli
