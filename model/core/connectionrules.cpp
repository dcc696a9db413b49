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
        m_ruleIndex.emplace(key(m_rules[i].from, m_rules[i].to), i);
    for (std::size_t i = 0; i < m_refusals.size(); ++i)
        m_refusalIndex.emplace(key(m_refusals[i].from, m_refusals[i].to), i);
}

std::string ConnectionRules::key(const std::string &from, const std::string &to)
{
    return from + '\n' + to;
}

const ConnectionRule *ConnectionRules::rule(const std::string &from, const std::string &to) const
{
    auto it = m_ruleIndex.find(key(from, to));
    return it == m_ruleIndex.end() ? nullptr : &m_rules[it->second];
}

const Refusal *ConnectionRules::refusal(const std::string &from, const std::string &to) const
{
    auto it = m_refusalIndex.find(key(from, to));
    return it == m_refusalIndex.end() ? nullptr : &m_refusals[it->second];
}

} // namespace nimbus::model
