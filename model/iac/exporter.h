// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/core/diagnostic.h>

#include <cstddef>
#include <string>
#include <vector>

namespace nimbus::model::iac {

class PolicyTemplates;

enum class TemplateFormat {
    Sam,            ///< Transform: AWS::Serverless-2016-10-31
    CloudFormation, ///< plain CloudFormation, no transform
};

/// "sam" or "cloudformation".
const char *templateFormatName(TemplateFormat format);

struct ExportOptions
{
    TemplateFormat format = TemplateFormat::Sam;
    std::string nimbusVersion;
    /// Stem of the main file ("orders"); nested stack files are named "<stem>-partN-<hash>.yaml".
    std::string fileStem = "template";
    /// Above this many resources (counted after SAM's expansion, as CloudFormation counts
    /// them) the template is split into nested stacks. CloudFormation's limit is 500.
    std::size_t maxResourcesPerStack = 450;
};

/// One file of an export: the main template, or a nested stack beside it.
struct ExportedFile
{
    std::string fileName; ///< "<stem>.yaml", or "<stem>-partN-<hash>.yaml" (partFileName())
    std::string text;
};

struct ExportStats
{
    std::size_t resources = 0;         ///< resources written, over all files
    std::size_t expandedResources = 0; ///< estimate of the count after SAM's transform
    std::size_t nestedStacks = 0;
    std::size_t policies = 0;          ///< policy templates or inline statements granted
    std::size_t events = 0;            ///< function and state machine events
    /// environment variables written as Secrets Manager dynamic references
    std::size_t secretReferences = 0;
};

struct ExportResult
{
    std::vector<ExportedFile> files; ///< the main template first
    Diagnostics diagnostics;         ///< things the template cannot express, as warnings
    ExportStats stats;
    bool ok() const { return !files.empty() && !hasErrors(diagnostics); }
};

/// Turns a design into a deployable template: one resource (or a few) per service, events
/// from trigger edges, least-privilege permissions and environment variables from the
/// other edges, Parameters (Stage) and Outputs. Designs read from a template keep what
/// Nimbus does not model (Parameters, Conditions, Mappings, unknown properties...). The
/// same design and options always give the same bytes.
ExportResult exportDesign(const Architecture &design, const Catalog &catalog,
                          const PolicyTemplates &policies, const ExportOptions &options);

} // namespace nimbus::model::iac
