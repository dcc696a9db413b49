// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "connectionkind.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace nimbus::model {

/// A property value of one end that makes an otherwise supported connection invalid
/// ("S3 event notifications cannot deliver to a FIFO queue").
struct RefuseCondition
{
    enum class Side { Source, Target };
    Side side = Side::Target;
    std::string property;
    std::string equals; ///< compared with the value's text (toString)
    std::string rule;   ///< finding rule id, e.g. "wiring/fifo-not-supported"
    std::string message;
    std::string fix;
    std::string source;
};

/// How a connection becomes AWS SAM (used by the exporter).
struct SamMapping
{
    std::string event;           ///< Events type on the target function or state machine
    std::string policy;          ///< policy template granted to the source, scoped to the target
    std::string policyParameter; ///< that template's parameter
    std::vector<std::string> connector; ///< AWS::Serverless::Connector permissions
    std::string environment;     ///< how a function source learns the target: Ref, Arn, ...
};

/// One supported wiring between two service types.
struct ConnectionRule
{
    std::string from;
    std::string to;
    std::vector<ConnectionKind> kinds; ///< allowed kinds; the first is the default
    double multiplier = 1;             ///< default calls at the target per source event
    std::string description;
    std::string source;
    SamMapping sam;
    std::vector<RefuseCondition> refuseWhen;

    bool allows(ConnectionKind kind) const;
};

/// A wiring people draw that AWS does not support, with the reason to show.
struct Refusal
{
    std::string from;
    std::string to;
    std::string reason;
    std::string fix;
    std::string source;
};

/// All connection rules and refusals, looked up by (source type, target type).
class ConnectionRules
{
public:
    ConnectionRules() = default;
    ConnectionRules(std::vector<ConnectionRule> rules, std::vector<Refusal> refusals);

    const std::vector<ConnectionRule> &rules() const { return m_rules; }
    const std::vector<Refusal> &refusals() const { return m_refusals; }
    const ConnectionRule *rule(const std::string &from, const std::string &to) const;
    const Refusal *refusal(const std::string &from, const std::string &to) const;

private:
    using Index = std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>>;
    static const std::size_t *find(const Index &index, const std::string &from, const std::string &to);

    std::vector<ConnectionRule> m_rules;
    std::vector<Refusal> m_refusals;
    Index m_ruleIndex; ///< from -> to -> position; two lookups, no key to build
    Index m_refusalIndex;
};

} // namespace nimbus::model
