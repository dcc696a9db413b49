// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "exportcontext.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nimbus::model::iac::exporting {

using Section = std::vector<std::pair<std::string, Tree>>;

/// Adds `entries` to the map `section` of `root` (created before `before`, or at the end),
/// keeping entries already there. Linear in the sizes of both.
void mergeSection(Tree &root, const std::string &section, const Section &entries, const std::string &before);

/// The text of one template file: its comment header, then the YAML.
std::string render(const ExportContext &context, const Tree &root, const std::string &part);

/// A design too large for one template, split into nested stacks.
struct NestedStacks
{
    std::vector<ExportedFile> files; ///< one per nested stack, in order
    Tree parentResources;            ///< the stacks, as resources of the main template
    Section parentOutputs;           ///< the design's outputs, passed up from the stacks
};

/// Groups the resources of `context` into nested stacks of at most
/// options().maxResourcesPerStack resources (as SAM expands them), each referring only to
/// earlier stacks through parameters and outputs. `makeRoot` gives a template's header
/// sections. std::nullopt with `error` set when a group of resources that must stay
/// together is larger than a stack may be. Linear in the size of the design (apart from
/// sorting).
std::optional<NestedStacks> splitIntoStacks(ExportContext &context, const Section &parameters,
                                            const std::function<Tree()> &makeRoot, std::string &error);

} // namespace nimbus::model::iac::exporting
