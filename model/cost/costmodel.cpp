// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "costmodel.h"

#include <model/analysis/workload.h>
#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/graph/architecturegraph.h>

#include <algorithm>
#include <map>

namespace nimbus::model {

namespace {

bool isDurationKey(const std::string &key)
{
    return key.rfind("lambda.duration", 0) == 0 || key.rfind("lambda.provisioned-duration", 0) == 0
           || key == "lambda.ephemeral-storage" || key == "stepfunctions.express.duration"
           || key == "sagemaker.serverless.duration";
}

/// Dimensions measured in bytes moved, which grow with the payload size.
bool isPayloadKey(const std::string &key)
{
    return key == "transfer.out" || key == "cloudfront.transfer" || key == "firehose.ingestion"
           || key.rfind("kinesis.ondemand.data", 0) == 0;
}

using QuantityMap = std::map<std::pair<std::size_t, std::string>, double>;

QuantityMap byNodeAndKey(const Estimate &e)
{
    QuantityMap map;
    for (const Estimate::Quantity &q : e.quantities)
        map[{q.node, q.priceKey}] += q.quantity;
    return map;
}

} // namespace

CostModel CostModel::build(const Architecture &architecture, const Catalog &catalog,
                           const PriceList &prices, const EstimateOptions &options)
{
    CostModel model;
    model.m_keep = 1 - std::clamp(options.discountPercent, 0.0, 100.0) / 100;
    const auto &nodes = architecture.nodes();
    for (std::size_t v = 0; v < nodes.size(); ++v) {
        const ServiceType *type = catalog.type(nodes[v].type);
        if (type && type->entryPoint)
            model.m_entries.push_back(v);
    }
    // Traffic shares: propagate each entry point alone.
    const ArchitectureGraph graph(architecture);
    model.m_entryShares.assign(nodes.size(), {});
    std::vector<double> totals(nodes.size(), 0);
    std::vector<std::vector<double>> volumes;
    for (std::size_t e = 0; e < model.m_entries.size(); ++e) {
        std::vector<double> only(nodes.size(), 0);
        only[model.m_entries[e]] = 1;
        const Workload w = propagateWorkload(architecture, catalog, graph, &only);
        volumes.emplace_back(nodes.size());
        for (std::size_t v = 0; v < nodes.size(); ++v) {
            const double reaching = w.nodes[v].requestsPerMonth + w.reads[v]; // a store's reads count too
            volumes.back()[v] = reaching;
            totals[v] += reaching;
        }
    }
    for (std::size_t v = 0; v < nodes.size(); ++v) {
        for (std::size_t e = 0; e < model.m_entries.size(); ++e) {
            if (totals[v] > 0 && volumes[e][v] > 0)
                model.m_entryShares[v].push_back({e, volumes[e][v] / totals[v]});
        }
    }

    // Usage at traffic x1 and x2 separates each quantity into fixed and per-traffic parts.
    EstimateOptions once1 = options;
    once1.explain = false;
    EstimateOptions doubled = once1;
    doubled.entryScale.assign(nodes.size(), 2.0);
    const QuantityMap once = byNodeAndKey(estimate(architecture, catalog, prices, once1));
    QuantityMap twice = byNodeAndKey(estimate(architecture, catalog, prices, doubled));
    std::map<std::string, std::size_t> keyIndex;
    std::map<std::string, std::size_t> poolIndex;
    model.m_durationIndex.assign(nodes.size(), -1);
    auto termFor = [&](std::size_t node, const std::string &key, double q1, double q2) {
        auto [it, inserted] = keyIndex.emplace(key, model.m_keys.size());
        if (inserted) {
            Key k{key, prices.price(key), 0};
            if (k.price && k.price->freeTier > 0 && options.freeTier) {
                auto [pool, added] = poolIndex.emplace(k.price->freeTierPool, model.m_poolAllowance.size() + 1);
                if (added)
                    model.m_poolAllowance.push_back(0);
                k.pool = pool->second;
                model.m_poolAllowance[pool->second - 1] = std::max(model.m_poolAllowance[pool->second - 1], k.price->freeTier);
            }
            model.m_keys.push_back(k);
        }
        Term t;
        t.key = it->second;
        t.node = node;
        t.perTraffic = std::max(0.0, q2 - q1);
        t.fixed = std::max(0.0, q1 - t.perTraffic);
        t.scalesWithDuration = isDurationKey(key);
        t.scalesWithPayload = isPayloadKey(key);
        if (t.scalesWithDuration && model.m_durationIndex[node] < 0) {
            model.m_durationIndex[node] = static_cast<std::ptrdiff_t>(model.m_durationNodes.size());
            model.m_durationNodes.push_back(node);
        }
        model.m_terms.push_back(t);
    };
    for (const auto &[where, q1] : once) {
        auto other = twice.find(where);
        termFor(where.first, where.second, q1, other == twice.end() ? q1 : other->second);
        if (other != twice.end())
            twice.erase(other);
    }
    for (const auto &[where, q2] : twice) // dimensions that appear only with more traffic
        termFor(where.first, where.second, 0, q2);
    return model;
}

CostModel::Inputs CostModel::unitInputs() const
{
    return {std::vector<double>(m_entries.size(), 1.0), std::vector<double>(m_durationNodes.size(), 1.0),
            std::vector<double>(m_entries.size(), 1.0)};
}

double CostModel::monthly(const Inputs &inputs, const std::function<bool(const std::string &)> &keep) const
{
    // Traffic and payload multipliers per node, from the entry points that feed it.
    std::vector<double> quantity(m_keys.size(), 0);
    for (const Term &t : m_terms) {
        double traffic = 0;
        double payload = 0;
        for (const auto &[entry, share] : m_entryShares[t.node]) {
            traffic += share * inputs.traffic[entry];
            payload += share * inputs.payload[entry];
        }
        double q = t.fixed + t.perTraffic * traffic;
        if (t.scalesWithDuration)
            q *= inputs.duration[static_cast<std::size_t>(m_durationIndex[t.node])];
        if (t.scalesWithPayload && !m_entryShares[t.node].empty())
            q *= payload;
        quantity[t.key] += q;
    }
    std::vector<double> poolUse(m_poolAllowance.size(), 0);
    for (std::size_t k = 0; k < m_keys.size(); ++k) {
        if (m_keys[k].pool)
            poolUse[m_keys[k].pool - 1] += quantity[k];
    }
    double total = 0;
    for (std::size_t k = 0; k < m_keys.size(); ++k) {
        const Key &key = m_keys[k];
        if (!key.price || (keep && !keep(key.name)))
            continue;
        const double free =
            key.pool ? freeShare(m_poolAllowance[key.pool - 1], poolUse[key.pool - 1], quantity[k])
                     : 0;
        total += key.price->cost(quantity[k] - free);
    }
    return m_keep > 0 ? total * m_keep : 0; // a full discount leaves nothing, even of infinity
}

double CostModel::monthlyAtScale(double scale, const std::function<bool(const std::string &)> &keep) const
{
    Inputs inputs = unitInputs();
    std::fill(inputs.traffic.begin(), inputs.traffic.end(), scale);
    return monthly(inputs, keep);
}

} // namespace nimbus::model
