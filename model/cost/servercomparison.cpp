// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "servercomparison.h"

#include "costmodel.h"

#include <model/analysis/propertyaccess.h>
#include <model/analysis/workload.h>
#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/graph/architecturegraph.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace nimbus::model {

namespace {

constexpr double kHours = 730;
constexpr double kMbPerVcpu = 1769; // Lambda gives a function one vCPU at 1,769 MB

struct InstanceShape
{
    double vcpu;
    double memoryGb;
};

const std::map<std::string, InstanceShape> kShapes = {
    {"t3.medium", {2, 4}}, {"m5.large", {2, 8}}, {"m6i.large", {2, 8}}, {"c6i.large", {2, 4}}};

/// Services the server design uses as they are: storage, CDN, identity, data transfer.
bool isShared(const std::string &key)
{
    return key.rfind("s3.", 0) == 0 || key.rfind("cloudfront.", 0) == 0 || key.rfind("cognito.", 0) == 0
           || key.rfind("transfer.", 0) == 0;
}

bool isStorage(const std::string &key)
{
    return key.rfind("s3.storage", 0) == 0 || key.rfind("dynamodb.storage", 0) == 0
           || key.rfind("aurora.storage", 0) == 0;
}

/// What the server side must carry at traffic x1, from the design's peak loads.
struct Demand
{
    double vcpu = 0;            ///< compute at peak
    double fixedVcpu = 0;       ///< containers that run whatever the traffic
    double messagesPerSecond = 0;
    double databaseOpsPerSecond = 0;
    double storedGb = 0;
    bool hasMessaging = false;
    bool hasDatabase = false;
    bool hasApi = false;
    double apiRequestsPerMonth = 0;
};

Demand demandOf(const Architecture &architecture, const Catalog &catalog)
{
    const ArchitectureGraph graph(architecture);
    const Workload w = propagateWorkload(architecture, catalog, graph);
    Demand d;
    const auto &nodes = architecture.nodes();
    for (std::size_t v = 0; v < nodes.size(); ++v) {
        const Node &n = nodes[v];
        const ServiceType *type = catalog.type(n.type);
        if (!type)
            continue;
        auto number = [&](const char *key, double fallback) { return numberProperty(n, *type, key, fallback); };
        const Load &load = w.nodes[v];
        if (n.type == "lambda-function") {
            d.vcpu += load.peakRps * number("averageDurationMs", 100) / 1000 * number("memoryMb", 128) / kMbPerVcpu;
        } else if (n.type == "fargate-service") {
            d.fixedVcpu += number("desiredCount", 1) * number("cpuUnits", 256) / 1024;
        } else if (n.type == "sqs-queue" || n.type == "sns-topic" || n.type == "eventbridge-bus"
                   || n.type == "kinesis-stream") {
            d.hasMessaging = true;
            d.messagesPerSecond += load.peakRps;
        } else if (n.type == "dynamodb-table" || n.type == "aurora-serverless") {
            d.hasDatabase = true;
            d.databaseOpsPerSecond += load.peakRps;
            d.storedGb += number("storedGb", number("storageGb", 0));
        } else if (n.type == "apigw-rest-api" || n.type == "apigw-http-api" || n.type == "appsync-api"
                   || n.type == "alb" || n.type == "apigw-websocket-api") {
            d.hasApi = true;
            d.apiRequestsPerMonth += load.requestsPerMonth;
        }
    }
    return d;
}

double priceOf(const PriceList &prices, const std::string &key, double fallback)
{
    const Price *p = prices.price(key);
    return p ? p->firstUnitPrice() : fallback;
}

struct ServerSide
{
    CostSplit split;
    double application = 0;
    double brokers = 0;
    double databases = 0;
};

/// Servers needed for `load` at `perServer` each, at least `minimum`: a whole number, or
/// infinity when the load overflowed (NaN included, which std::max would drop).
double serversFor(double load, double perServer, double minimum)
{
    const double needed = std::ceil(load / perServer - 1e-9);
    return std::isnan(needed) ? std::numeric_limits<double>::infinity() : std::max(minimum, needed);
}

ServerSide serversAt(double scale, const Demand &d, const PriceList &prices, const ServerAssumptions &a,
                     double sharedMonthly, double keep)
{
    ServerSide s;
    const InstanceShape app = kShapes.count(a.instanceType) ? kShapes.at(a.instanceType) : InstanceShape{2, 8};
    const double appHourly = priceOf(prices, "ec2." + a.instanceType, 0);
    const double dbHourly = priceOf(prices, "ec2." + a.databaseType, 0);
    const double capacity = app.vcpu * std::clamp(a.targetUtilisation, 0.05, 1.0);
    const double minimum = a.minimumInstances;
    s.application = serversFor(d.vcpu * scale + d.fixedVcpu, capacity, minimum);
    if (d.hasMessaging)
        s.brokers = serversFor(d.messagesPerSecond * scale, a.requestsPerBrokerPerSecond, minimum);
    if (d.hasDatabase)
        s.databases =
            2 * serversFor(d.databaseOpsPerSecond * scale, a.operationsPerDatabasePerSecond, 1);
    const double ebs = priceOf(prices, "ebs.gp3.storage", a.ebsPricePerGbMonth);
    double infrastructure = (s.application + s.brokers) * appHourly * kHours + s.databases * dbHourly * kHours
                            + d.storedGb * 2 * ebs;
    if (d.hasApi) {
        const double lcu = std::max(1.0, d.apiRequestsPerMonth * scale / (kHours * 3600) / 25);
        infrastructure += priceOf(prices, "alb.hours", 0) * kHours + priceOf(prices, "alb.lcu-hours", 0) * lcu * kHours;
    }
    infrastructure =
        keep > 0 ? infrastructure * keep : 0; // a full discount leaves nothing, even of infinity
    s.split.infrastructure = infrastructure + sharedMonthly;
    s.split.disasterRecovery = infrastructure * a.warmStandbyFraction;
    const double instances = s.application + s.brokers + s.databases;
    s.split.operations = (a.operationsHoursPerMonth + a.operationsHoursPerInstance * instances) * a.hourlyRate;
    return s;
}

} // namespace

Comparison compareWithServers(const Architecture &architecture, const Catalog &catalog,
                              const PriceList &prices, const EstimateOptions &options,
                              const ServerAssumptions &a)
{
    Comparison c;
    const CostModel model = CostModel::build(architecture, catalog, prices, options);
    const Demand demand = demandOf(architecture, catalog);
    const double keep = 1 - std::clamp(options.discountPercent, 0.0, 100.0) / 100;
    const double serverlessOps = a.serverlessOperationsHoursPerMonth * a.hourlyRate;
    // A serverless DR copy is the data only: idle functions, queues and APIs cost nothing.
    const double serverlessDr = model.monthlyAtScale(1, isStorage);

    auto serverlessAt = [&](double scale) {
        CostSplit split;
        split.infrastructure = model.monthlyAtScale(scale);
        split.operations = serverlessOps;
        split.disasterRecovery = serverlessDr;
        return split;
    };
    auto serversAtScale = [&](double scale) {
        return serversAt(scale, demand, prices, a, model.monthlyAtScale(scale, isShared), keep);
    };
    c.serverless = serverlessAt(1);
    const ServerSide servers = serversAtScale(1);
    c.servers = servers.split;
    c.applicationInstances = servers.application;
    c.brokerInstances = servers.brokers;
    c.databaseInstances = servers.databases;
    c.tco1Serverless = 12 * c.serverless.total();
    c.tco1Servers = 12 * c.servers.total();
    c.tco3Serverless = 36 * c.serverless.total();
    c.tco3Servers = 36 * c.servers.total();

    for (int k = 0; k <= 20; ++k) {
        const double multiple = std::pow(10.0, -2.0 + 0.2 * k);
        c.sweep.push_back({multiple, serverlessAt(multiple).total(), serversAtScale(multiple).split.total()});
    }
    auto difference = [&](double multiple) {
        return serverlessAt(multiple).total() - serversAtScale(multiple).split.total();
    };
    c.tooLargeToCompare = !std::isfinite(c.tco3Serverless) || !std::isfinite(c.tco3Servers) ||
                          std::any_of(c.sweep.begin(), c.sweep.end(), [](const TrafficPoint &p) {
                              return !std::isfinite(p.serverless) || !std::isfinite(p.servers);
                          });
    for (std::size_t i = 1; i < c.sweep.size() && c.breakEven < 0 && !c.tooLargeToCompare; ++i) {
        double low = std::log10(c.sweep[i - 1].multiple);
        double high = std::log10(c.sweep[i].multiple);
        const bool lowBelow = difference(c.sweep[i - 1].multiple) < 0;
        if (lowBelow == (difference(c.sweep[i].multiple) < 0))
            continue;
        // Bisection between the two sweep points that bracket the crossing.
        for (int step = 0; step < 40; ++step) {
            const double middle = (low + high) / 2;
            if ((difference(std::pow(10.0, middle)) < 0) == lowBelow)
                low = middle;
            else
                high = middle;
        }
        c.breakEven = std::pow(10.0, (low + high) / 2);
    }
    c.serverlessCheaperThroughout = c.breakEven < 0 && !c.tooLargeToCompare &&
                                    c.sweep.back().serverless < c.sweep.back().servers;

    const auto money = [&](double v) { return formatUnitPrice(v, prices.currency); };
    c.assumptions = {
        "Application servers: " + a.instanceType + " at " + money(priceOf(prices, "ec2." + a.instanceType, 0))
            + "/hour, sized for peak at " + formatAmount(a.targetUtilisation * 100) + "% CPU, at least "
            + std::to_string(a.minimumInstances) + " across availability zones",
        "Function compute at peak: requests/s × duration × memory ÷ 1,769 MB per vCPU",
        "Message brokers: one " + a.instanceType + " per " + formatAmount(a.requestsPerBrokerPerSecond)
            + " messages/s at peak, at least " + std::to_string(a.minimumInstances),
        "Database: a primary and a standby " + a.databaseType + " per " + formatAmount(a.operationsPerDatabasePerSecond)
            + " operations/s at peak, storage twice on EBS at " + money(priceOf(prices, "ebs.gp3.storage", a.ebsPricePerGbMonth))
            + "/GB-month" + (prices.price("ebs.gp3.storage") ? "" : " (assumed; not in the price list)"),
        "Load balancer: one Application Load Balancer when the design has an API",
        "Shared by both designs: S3, CloudFront, Cognito and data transfer",
        "Disaster recovery: servers keep a warm standby of " + formatAmount(a.warmStandbyFraction * 100)
            + "% of production; serverless keeps a copy of its stored data",
        "Operations: " + formatAmount(a.operationsHoursPerMonth) + " h/month + " + formatAmount(a.operationsHoursPerInstance)
            + " h per server for servers, " + formatAmount(a.serverlessOperationsHoursPerMonth) + " h/month serverless, at "
            + money(a.hourlyRate) + "/hour",
    };
    if (!prices.price("ec2." + a.instanceType) || !prices.price("ec2." + a.databaseType))
        c.assumptions.push_back("Warning: the " + prices.region + " price list has no EC2 price for " + a.instanceType
                                + " or " + a.databaseType + "; server compute is counted as $0");
    return c;
}

} // namespace nimbus::model
