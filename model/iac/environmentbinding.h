// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/environment.h>
#include <model/core/tree.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

/// How the environmentVariables property of functions and containers maps to a template,
/// shared by the exporter (exportenvironment.cpp) and the importer (importenvironment.cpp).
///
/// One source of truth per variable: a variable with a literal value lives in the property
/// (the user sees and edits it, the export writes it back); a variable whose value is an
/// intrinsic function (!Ref, !GetAtt, !Sub ...) stays in the kept resource body, like every
/// other value Nimbus does not model, and comes back unchanged. Secrets never leave in
/// clear: the export writes a literal value that looks like one (model/analysis/secrets.h)
/// as a Secrets Manager dynamic reference, which imports back as that reference.
namespace nimbus::model::iac {

/// node.extra key the importer sets on functions and containers read from a template: the
/// names of the literal variables it put into the environmentVariables property (names
/// only). A listed name missing from the property was deleted by the user, so the export
/// removes it from the resource body; literals not listed are left as they are.
inline constexpr const char *kEnvironmentFromTemplate = "environmentFromTemplate";
inline constexpr const char *kEnvironmentKey = "environmentVariables";
/// Metadata.Nimbus key of a service: the names of literal variables its resource holds that
/// are not the design's own (a connection's `EVENT_BUS: default`); the import leaves them in
/// the body and out of the property.
inline constexpr const char *kKeptVariablesKey = "KeptVariables";

/// The names listed under kEnvironmentFromTemplate.
std::set<std::string> templateVariableNames(const Tree &nodeExtra);
/// Writes the list under kEnvironmentFromTemplate.
void setTemplateVariableNames(Tree &nodeExtra, const std::vector<std::string> &names);

/// The text of a literal environment value: a scalar without tag, or "" for an empty one.
/// nullopt for intrinsic functions, lists and maps.
std::optional<std::string> literalValue(const Tree &value);

/// The literal text of an intrinsic value for the secret detector: a !Sub pattern or a
/// !Join of strings, with kReferenceMark where a reference stands. nullopt when the value
/// has no literal text (!Ref, !GetAtt, ...).
std::optional<std::string> referenceText(const Tree &value);

/// The Secrets Manager secret the export points to for one service's secret variables:
/// "<design>/<service>", both in kebab case ("orders/create-order").
std::string secretIdFor(const std::string &designName, const std::string &serviceName);

/// {{resolve:secretsmanager:<secretId>:SecretString:<name>}}: CloudFormation reads the key
/// `name` of the JSON secret `secretId` when it deploys the stack.
std::string secretReference(const std::string &secretId, const std::string &name);

/// The literal variables of a Lambda-style map (Environment.Variables) or of an ECS
/// container's list ([{Name, Value}]), in order; entries with intrinsic values are skipped.
std::vector<EnvironmentVariable> literalVariables(const Tree &variables);

} // namespace nimbus::model::iac
