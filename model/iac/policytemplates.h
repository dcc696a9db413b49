// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/diagnostic.h>
#include <model/core/tree.h>

#include <map>
#include <string>
#include <string_view>

namespace nimbus::model::iac {

/// The AWS SAM policy templates (resources/sam/policy_templates.json, from the SAM
/// repository): each template's parameters and the IAM statements it expands to. The SAM
/// exporter names templates; the plain CloudFormation exporter expands them into inline
/// role policies with this data, so both formats grant exactly the same actions.
class PolicyTemplates
{
public:
    /// Reads the JSON text; problems become diagnostics naming `fileName`.
    static PolicyTemplates parse(std::string_view json, const std::string &fileName,
                                 Diagnostics &diagnostics);

    bool contains(const std::string &name) const { return m_templates.count(name) != 0; }
    /// The parameter names a template takes, in file order.
    std::vector<std::string> parameters(const std::string &name) const;
    /// The statements of `name` with each parameter reference replaced by the given value
    /// (a Tree, usually "!Ref Orders"); an empty sequence for an unknown template.
    Tree expand(const std::string &name, const std::map<std::string, Tree> &arguments) const;

private:
    std::map<std::string, Tree> m_templates; ///< name -> the template's JSON object
};

} // namespace nimbus::model::iac
