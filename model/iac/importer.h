// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>
#include <model/core/diagnostic.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace nimbus::model {
class Catalog;
}

namespace nimbus::model::iac {

struct ImportOptions
{
    /// Duplicate map keys (which occur in real templates) are errors; by default they are
    /// warnings naming file and line, and the last value is used, as CloudFormation does.
    bool duplicateKeysAreErrors = false;
};

struct ImportStats
{
    std::size_t resources = 0;       ///< entries of the Resources section
    std::size_t nodes = 0;           ///< all nodes, implicit ones included
    std::size_t edges = 0;           ///< edges inferred
    std::size_t genericNodes = 0;    ///< nodes whose type is a CloudFormation type
    std::size_t foldedResources = 0; ///< plumbing kept in design.extra(), not drawn
    std::size_t implicitNodes = 0;   ///< SAM's implicit APIs
};

struct ImportResult
{
    Architecture design;
    Diagnostics diagnostics;
    ImportStats stats;
    /// Every node has the position it was drawn at (from a Nimbus export's
    /// Metadata.Nimbus); otherwise the caller lays the design out.
    bool positioned = false;
    bool ok() const { return !hasErrors(diagnostics); }
};

/// Reads a SAM or CloudFormation template (YAML or JSON) into a design. What the template
/// holds is kept for the exporter, so that an unchanged design writes it back:
/// - each service resource becomes a node whose id and name are the logical id, whose
///   `type` is the catalog type (or, for resources Nimbus has no type for, the
///   CloudFormation type: a generic node), whose `properties` are the literal values read
///   through the property bindings, and whose `extra["cloudformation"]` is the whole
///   original resource;
/// - plumbing (IAM roles and policies, permissions, log groups, event source mappings,
///   subscriptions, API Gateway methods/routes/stages/deployments...) is folded: no node,
///   the resource kept in order in `design.extra()["cloudformationFolded"]` (only present
///   when something was folded);
/// - every other section, in order, in `design.extra()["cloudformationTemplate"]`, with a
///   Null `Resources` placeholder at its original position;
/// - edges run from the caller or trigger to the callee; each has a catalog connection
///   kind and `extra["inferredFrom"]` naming where it was found; one edge per pair;
/// - SAM's implicit APIs become one node each (`ServerlessRestApi`, `ServerlessHttpApi`)
///   with `extra["implicit"] = "true"` and no `cloudformation` key.
/// Never throws. Problems are diagnostics naming `fileName` and the line.
ImportResult importTemplate(std::string_view text, const std::string &fileName,
                            const Catalog &catalog, const ImportOptions &options = {});

/// Reads the file and imports it; an unreadable file is an error diagnostic.
ImportResult importTemplateFile(const std::string &path, const Catalog &catalog,
                                const ImportOptions &options = {});

} // namespace nimbus::model::iac
