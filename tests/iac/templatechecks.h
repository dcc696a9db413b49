// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/tree.h>

#include <string>
#include <vector>

/// Checks shared by the export tests: IAM statements and references of an exported
/// template, read back as a Tree.
namespace nimbus::tests {

/// Every IAM statement in a template or fragment: SAM Policies entries (inline Statement
/// lists), role policies, resource policies.
void collectStatements(const model::Tree &tree, std::vector<const model::Tree *> &out);

/// IAM actions with no resource-level permissions, which only `*` can name: Rekognition's
/// detect calls and Athena's catalog listing (from AWS's RekognitionDetectOnlyPolicy and
/// AthenaQueryPolicy; IAM service authorization reference,
/// https://docs.aws.amazon.com/service-authorization/latest/reference/, 2026-11).
bool isUnscopableAction(const std::string &action);

/// The first statement (as YAML) granting a wildcard action (`*`, `service:*`), or a `*`
/// resource to actions IAM can scope; "" when there is none.
std::string wildcardStatement(const model::Tree &root);

/// The first name a Ref, GetAtt or Sub variable in Resources or Outputs refers to that is
/// no resource or parameter of the template; "" when all resolve. With
/// `allowSamGenerated`, the ids SAM makes (<Function>Role, <Api>Stage, <Function>Alias)
/// count as defined.
std::string unresolvedReference(const model::Tree &root, bool allowSamGenerated = false);

} // namespace nimbus::tests
