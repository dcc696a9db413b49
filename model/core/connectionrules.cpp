// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "connectionrules.h"

#include <algorithm>

namespace nimbus::model {

bool ConnectionRule::allows(ConnectionKind kind) const
{
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

ConnectionRules::ConnectionRules(std::vector<ConnectionRule> rules, std::vector<Refusal> refusals)
    : m_rules(std::move(rules))
    , m_refusals(std::move(refusals))
{
    for (std::size_t i = 0; i < m_rules.size(); ++i)
        m_ruleIndex[m_rules[i].from].emplace(m_rules[i].to, i);
    for (std::size_t i = 0; i < m_refusals.size(); ++i)
        m_refusalIndex[m_refusals[i].from].emplace(m_refusals[i].to, i);
}

const std::size_t *ConnectionRules::find(const Index &index, const std::string &from,
                                         const std::string &to)
{
    auto outer = index.find(from);
    if (outer == index.end())
        return nullptr;
    auto inner = outer->second.find(to);
    return inner == outer->second.end() ? nullptr : &inner->second;
}

const ConnectionRule *ConnectionRules::rule(const std::string &from, const std::string &to) const
{
    const std::size_t *i = find(m_ruleIndex, from, to);
    return i ? &m_rules[*i] : nullptr;
}

const Refusal *ConnectionRules::refusal(const std::string &from, const std::string &to) const
{
    const std::size_t *i = find(m_refusalIndex, from, to);
    return i ? &m_refusals[*i] : nullptr;
}

} // namespace nimbus::model
