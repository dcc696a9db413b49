// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "cli.h"

#include "clioptions.h"
#include "commands.h"
#include "terminaltext.h"

#include <model/io/atomicfile.h>

#include <filesystem>
#include <ostream>
#include <sstream>

namespace nimbus::app {

namespace {

const char *const kUsage = R"(Usage: nimbus [FILE]                 open the designer, optionally on FILE
       nimbus <command> [options]

Commands:
  info FILE       list the services, connections and groups of a design
  validate FILE   check a design and report findings (text, JSON or SARIF)
  rules           list the validation rules
  estimate FILE   estimate the monthly cost (table, JSON or CSV)
  scenarios FILE  compare the design's scenarios side by side
  compare A B     compare two designs side by side
  export FILE     write the design as an AWS SAM or CloudFormation template
  import FILE     read a SAM or CloudFormation template into a design
  render FILE     draw the diagram as a PNG, SVG or PDF file (-o OUT.png|svg|pdf)
  report FILE     write the executive cost report (-o OUT.pdf) or the line items (-o OUT.csv)

Options for every command:
  --catalog DIR   read the service catalog from DIR instead of the built-in one
  -o, --output F  write the result to the file F instead of standard output; F is
                  replaced only once it is written in full (a symbolic link is written
                  through; a directory, device or FIFO is refused)
  --help, -h      show help for the command
Options:
  --version       print the version and exit

Exit codes: 0 clean, 1 the design has error-level findings, 2 bad usage or unreadable input.
Run 'nimbus <command> --help' for the options of a command.
)";

/// Runs `command` with what it prints going to the -o file, replaced only once complete.
/// Text for people is made safe to print on the way, as on the terminal.
int runToFile(const Command &command, const CliOptions &options, bool forPeople, std::ostream &err)
{
    std::ostringstream captured;
    int code = 0;
    if (forPeople) {
        TerminalText text(captured);
        code = command.run(options, text, err);
    } else {
        code = command.run(options, captured, err);
    }
    if (code == ExitUsage)
        return code; // the input could not be read: nothing to write, the file stays as it was
    std::string error;
    if (!model::writeFileAtomically(options.output, captured.view(), error)) {
        err << "nimbus " << command.name << ": " << error << '\n';
        return ExitUsage;
    }
    err << "nimbus " << command.name << ": wrote " << options.output << '\n';
    return code;
}

} // namespace

bool isCliInvocation(const std::vector<std::string> &args)
{
    if (args.empty())
        return false;
    const std::string &first = args.front();
    if (first == "--help" || first == "-h" || first == "--version" || first == "help")
        return true;
    if (findCommand(first))
        return true;
    if (first.rfind("-", 0) == 0)
        return false; // a GUI option such as --screenshot
    // An unknown word that is not a file is a mistyped command, answered on the terminal.
    std::error_code ec;
    return !std::filesystem::exists(first, ec) && first.find('.') == std::string::npos
           && first.find('/') == std::string::npos;
}

int runCli(const std::vector<std::string> &args, std::ostream &rawOut, std::ostream &rawErr)
{
    // Messages name files, services and values from the input: they reach the terminal with
    // control characters made visible. Machine formats on standard output keep their bytes.
    TerminalText err(rawErr);
    TerminalText out(rawOut);
    std::ostream *chosen = &out;
    if (args.empty() || args.front() == "--help" || args.front() == "-h"
        || args.front() == "help") {
        out << kUsage;
        return ExitClean;
    }
    if (args.front() == "--version") {
        out << "nimbus " << NIMBUS_VERSION << '\n';
        return ExitClean;
    }
    const Command *command = findCommand(args.front());
    if (!command) {
        err << "nimbus: unknown command '" << args.front() << "'\n\n" << kUsage;
        return ExitUsage;
    }
    CliOptions options;
    std::string error;
    if (!parseOptions(*command, {args.begin() + 1, args.end()}, options, error)) {
        err << "nimbus " << command->name << ": " << error << "\n\n" << command->usage;
        return ExitUsage;
    }
    if (options.help) {
        out << command->usage;
        return ExitClean;
    }
    const bool forPeople = options.format.empty() || options.format == "text"
                           || options.format == "table" || options.format == "markdown";
    if (!forPeople || command->output == OutputOption::Own) // export and import print a document
        chosen = &rawOut;
    if (command->output != OutputOption::Captured || options.output.empty())
        return command->run(options, *chosen, err);
    return runToFile(*command, options, forPeople, err);
}

} // namespace nimbus::app
