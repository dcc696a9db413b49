// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

/// The `environmentVariables` property of functions and containers, and the names AWS
/// accepts for environment variables. One place for the text format, so that the
/// validation rules, the exporter and the importer read and write it alike.
///
/// Format: `NAME=value` entries separated by `;`. Inside an entry, `\;` stands for a `;`
/// and `\\` for a `\`; every other character is taken as written, so a value may hold
/// `=`, quotes, newlines, `!Ref` or `{{resolve:...}}` and stays one string. Spaces around
/// a name are ignored, a value is kept exactly; empty entries (`;;`, a final `;`) are
/// skipped.
namespace nimbus::model {

struct EnvironmentVariable
{
    std::string name;
    std::string value;
};

/// What is wrong with one entry of the property text.
struct EnvironmentProblem
{
    std::string entry;   ///< the entry as written (a name, or the text without '=')
    std::string message; ///< "has no '='", "is defined twice", ...
};

struct ParsedEnvironment
{
    std::vector<EnvironmentVariable> variables; ///< in the order written, duplicates kept
    std::vector<EnvironmentProblem> problems;   ///< entries without '=', duplicated names
};

/// Splits the property text into variables; never throws.
ParsedEnvironment parseEnvironment(std::string_view text);
/// The property text for `variables` (escaping `;` and `\`); parseEnvironment() reads it
/// back to the same variables.
std::string formatEnvironment(const std::vector<EnvironmentVariable> &variables);

/// Names CloudFormation accepts for a Lambda function's variables: a letter, then letters,
/// digits or '_' (at least two characters in all). Source: the Environment Variables
/// pattern of AWS::Lambda::Function in the CloudFormation resource schema, as cfn-lint
/// checks it (E3002).
bool isValidVariableName(std::string_view name);

/// Names Lambda sets itself and refuses in a function's configuration (_HANDLER,
/// AWS_REGION, AWS_LAMBDA_FUNCTION_NAME, LAMBDA_TASK_ROOT, ...). Source: "Defined runtime
/// environment variables",
/// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
bool isReservedLambdaVariable(std::string_view name);

/// Names that make the runtime run code before the handler: AWS_LAMBDA_EXEC_WRAPPER (a
/// wrapper script, https://docs.aws.amazon.com/lambda/latest/dg/runtimes-modify.html) and
/// LD_PRELOAD. AWS allows them, so they are warned about rather than refused.
bool isStartupHookVariable(std::string_view name);

/// Total size Lambda counts against its 4 KB limit: every name and value, in bytes.
std::size_t environmentSize(const std::vector<EnvironmentVariable> &variables);

} // namespace nimbus::model
