// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/diagnostic.h>
#include <model/core/propertyvalue.h>

#include <string>
#include <utility>
#include <vector>

namespace nimbus::model {
class Catalog;
struct Node;
struct Tree;
} // namespace nimbus::model

namespace nimbus::model::iac {

/// Where one modelled property of a service type lives in a CloudFormation resource. Paths
/// are relative to the resource's Properties: "MemorySize", "EphemeralStorage.Size",
/// "Architectures[0]". The SAM path applies to AWS::Serverless::* bodies, the CloudFormation
/// path to every other type; an empty path means the value cannot be written there.
struct PropertyBinding
{
    enum class Mode {
        Value,    ///< the scalar at the path is the value (through `values` when given)
        Presence, ///< a boolean: true exactly when something is at the path
    };

    std::string typeId; ///< catalog service type ("lambda-function")
    std::string key;    ///< catalog property key ("memoryMb")
    std::string samPath;
    std::string cloudFormationPath;
    /// Model text <-> template text ("fifo" <-> "true"); empty means the text is the same.
    /// Template texts compare without regard to case when read.
    std::vector<std::pair<std::string, std::string>> values;
    Mode mode = Mode::Value;
    /// Presence: what to write at the path when the property is switched on.
    std::string presenceText;
    /// The parent of the last path step may hold the value itself (SAM's string form
    /// "EndpointConfiguration: REGIONAL" of "EndpointConfiguration: {Type: REGIONAL}").
    bool parentShorthand = false;
};

/// Every binding, grouped by type, in the order they are applied.
const std::vector<PropertyBinding> &propertyBindings();

/// The bindings of one service type (empty for generic and unknown types).
std::vector<const PropertyBinding *> propertyBindingsFor(const std::string &typeId);

/// The modelled values a resource body sets for a node of `typeId`: literal scalars only
/// (values written with intrinsic functions are not modelled). A value the catalog does not
/// accept (a runtime Nimbus does not list, a memory size out of range) is skipped; when
/// `diagnostics` is given, an info diagnostic naming `fileName` and the line says so.
PropertyMap readBoundProperties(const std::string &typeId, const Tree &resourceBody,
                                const Catalog &catalog, Diagnostics *diagnostics = nullptr,
                                const std::string &fileName = {});

/// Writes every bound property that `node` sets (node.properties) into `resourceBody`, at
/// the path for the body's Type (SAM or CloudFormation), creating intermediate maps and
/// lists. A value already there that reads as the same property value is left untouched
/// (quoting, tags and style kept), so writing back an unchanged import changes nothing.
/// Everything else in the body is preserved.
void writeBoundProperties(const Node &node, Tree &resourceBody, const Catalog &catalog);

} // namespace nimbus::model::iac
