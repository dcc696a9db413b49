// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "connectionreader.h"

#include "treefields.h"

#include <algorithm>
#include <set>

namespace nimbus::model {

namespace {

bool isKnownValue(const PropertyDef &def, const std::string &text)
{
    if (def.type == PropertyType::Choice)
        return std::find(def.choices.begin(), def.choices.end(), text) != def.choices.end();
    if (def.type == PropertyType::Boolean)
        return text == "true" || text == "false";
    return parsePropertyValue(def, text).has_value();
}

const ServiceType *findType(const std::vector<ServiceType> &types, const std::string &id)
{
    auto it = std::find_if(types.begin(), types.end(), [&](const ServiceType &t) { return t.id == id; });
    return it == types.end() ? nullptr : &*it;
}

} // namespace

std::vector<std::string> ConnectionReader::readIds(TreeFields &fields, const Tree &item,
                                                   const char *key)
{
    std::vector<std::string> ids;
    const Tree *value = item.find(key);
    if (!value) {
        fields.error(item, std::string("missing '") + key + "'");
        return ids;
    }
    if (value->isScalar()) {
        ids.push_back(value->scalar);
    } else if (value->isSequence()) {
        for (const Tree &id : value->items) {
            if (id.isScalar())
                ids.push_back(id.scalar);
            else
                fields.error(id, std::string("'") + key + "' lists service ids only");
        }
    } else {
        fields.error(*value, std::string("'") + key + "' must be a service id or a list of them");
    }
    return ids;
}

void ConnectionReader::read(TreeFields &fields, const Tree &root)
{
    if (const Tree *list = root.find("connections")) {
        if (fields.expectSequence(*list, "'connections'")) {
            for (const Tree &item : list->items) {
                if (fields.expectMap(item, "a connection"))
                    readRule(fields, item);
            }
        }
    }
    if (const Tree *list = root.find("refusals")) {
        if (fields.expectSequence(*list, "'refusals'")) {
            for (const Tree &item : list->items) {
                if (fields.expectMap(item, "a refusal"))
                    readRefusal(fields, item);
            }
        }
    }
}

void ConnectionReader::readRule(TreeFields &fields, const Tree &item)
{
    fields.rejectUnknownKeys(item,
                             {"from", "to", "kinds", "multiplier", "description", "source", "sam",
                              "refuseWhen"},
                             "a connection");
    ConnectionRule base;
    base.multiplier = fields.number(item, "multiplier", false).value_or(1);
    if (base.multiplier < 0)
        fields.error(*item.find("multiplier"), "multiplier must be 0 or more");
    base.description = fields.text(item, "description", true).value_or("");
    base.source = fields.text(item, "source", true).value_or("");
    const Tree *kinds = item.find("kinds");
    if (!kinds || !kinds->isSequence() || kinds->items.empty()) {
        fields.error(kinds ? *kinds : item, "a connection needs a list of kinds");
        return;
    }
    for (const Tree &k : kinds->items) {
        const auto kind = connectionKindFromName(k.scalar);
        if (!kind || !k.isScalar())
            fields.error(k, "unknown connection kind '" + k.scalar + "'");
        else
            base.kinds.push_back(*kind);
    }
    if (const Tree *sam = item.find("sam"); sam && fields.expectMap(*sam, "'sam'")) {
        fields.rejectUnknownKeys(*sam,
                                 {"event", "policy", "policyParameter", "connector", "environment"},
                                 "'sam'");
        base.sam.event = fields.text(*sam, "event", false).value_or("");
        base.sam.policy = fields.text(*sam, "policy", false).value_or("");
        base.sam.policyParameter = fields.text(*sam, "policyParameter", false).value_or("");
        base.sam.environment = fields.text(*sam, "environment", false).value_or("");
        if (const Tree *connector = sam->find("connector"); connector && connector->isSequence()) {
            for (const Tree &p : connector->items)
                base.sam.connector.push_back(p.scalar);
        }
    }
    if (const Tree *conditions = item.find("refuseWhen");
        conditions && fields.expectSequence(*conditions, "'refuseWhen'")) {
        for (const Tree &c : conditions->items) {
            if (!fields.expectMap(c, "a refuseWhen entry"))
                continue;
            fields.rejectUnknownKeys(c, {"side", "property", "equals", "rule", "message", "fix", "source"},
                                     "a refuseWhen entry");
            RefuseCondition condition;
            const std::string side = fields.text(c, "side", true).value_or("target");
            if (side != "source" && side != "target")
                fields.error(c, "side must be 'source' or 'target', not '" + side + "'");
            condition.side = side == "source" ? RefuseCondition::Side::Source
                                              : RefuseCondition::Side::Target;
            condition.property = fields.text(c, "property", true).value_or("");
            condition.equals = fields.text(c, "equals", true).value_or("");
            condition.rule = fields.text(c, "rule", true).value_or("");
            condition.message = fields.text(c, "message", true).value_or("");
            condition.fix = fields.text(c, "fix", true).value_or("");
            condition.source = fields.text(c, "source", true).value_or("");
            base.refuseWhen.push_back(std::move(condition));
        }
    }
    const auto froms = readIds(fields, item, "from");
    const auto tos = readIds(fields, item, "to");
    for (const std::string &from : froms) {
        for (const std::string &to : tos) {
            ConnectionRule rule = base;
            rule.from = from;
            rule.to = to;
            m_rules.push_back(std::move(rule));
            m_rulePositions.push_back({fields.fileName(), item.line});
        }
    }
}

void ConnectionReader::readRefusal(TreeFields &fields, const Tree &item)
{
    fields.rejectUnknownKeys(item, {"from", "to", "reason", "fix", "source"}, "a refusal");
    Refusal base;
    base.reason = fields.text(item, "reason", true).value_or("");
    base.fix = fields.text(item, "fix", true).value_or("");
    base.source = fields.text(item, "source", true).value_or("");
    for (const std::string &from : readIds(fields, item, "from")) {
        for (const std::string &to : readIds(fields, item, "to")) {
            Refusal refusal = base;
            refusal.from = from;
            refusal.to = to;
            m_refusals.push_back(std::move(refusal));
            m_refusalPositions.push_back({fields.fileName(), item.line});
        }
    }
}

ConnectionRules ConnectionReader::finish(const std::vector<ServiceType> &types,
                                         Diagnostics &diagnostics)
{
    auto error = [&](const Position &at, std::string message) {
        diagnostics.push_back({Severity::Error, at.file, at.line, 0, std::move(message)});
    };
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        const ConnectionRule &rule = m_rules[i];
        const Position &at = m_rulePositions[i];
        const ServiceType *from = findType(types, rule.from);
        const ServiceType *to = findType(types, rule.to);
        if (!from)
            error(at, "connection from unknown service type '" + rule.from + "'");
        if (!to)
            error(at, "connection to unknown service type '" + rule.to + "'");
        if (!seen.insert({rule.from, rule.to}).second)
            error(at, "connection " + rule.from + " -> " + rule.to + " is listed twice");
        for (const RefuseCondition &c : rule.refuseWhen) {
            const ServiceType *side = c.side == RefuseCondition::Side::Source ? from : to;
            const PropertyDef *def = side ? side->property(c.property) : nullptr;
            if (side && !def)
                error(at, "refuseWhen names '" + c.property + "', which '" + side->id
                              + "' does not have");
            else if (def && !isKnownValue(*def, c.equals))
                error(at, "refuseWhen value '" + c.equals + "' is not a possible value of '"
                              + side->id + "." + c.property + "'");
        }
    }
    for (std::size_t i = 0; i < m_refusals.size(); ++i) {
        const Refusal &refusal = m_refusals[i];
        const Position &at = m_refusalPositions[i];
        if (!findType(types, refusal.from) || !findType(types, refusal.to))
            error(at, "refusal " + refusal.from + " -> " + refusal.to + " names an unknown service type");
        if (!seen.insert({refusal.from, refusal.to}).second)
            error(at, "pair " + refusal.from + " -> " + refusal.to
                          + " is both allowed and refused, or refused twice");
    }
    return ConnectionRules(std::move(m_rules), std::move(m_refusals));
}

} // namespace nimbus::model
