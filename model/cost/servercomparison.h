// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "estimate.h"

#include <string>
#include <vector>

namespace nimbus::model {

class Architecture;
class Catalog;

/// What the server-based equivalent is assumed to look like. Every number is visible and
/// editable (project settings, command-line flags); the defaults are a typical small
/// production deployment.
struct ServerAssumptions
{
    std::string instanceType = "m5.large";   ///< application and broker servers
    std::string databaseType = "m5.large";   ///< database servers (primary and standby)
    double targetUtilisation = 0.6;          ///< servers are sized for peak at this load
    int minimumInstances = 2;                ///< across two availability zones
    double requestsPerBrokerPerSecond = 5000;   ///< messages a broker instance handles at peak
    double operationsPerDatabasePerSecond = 5000; ///< reads + writes one database pair handles
    double ebsPricePerGbMonth = 0.08;        ///< used when the price list has no ebs.gp3.storage
    double warmStandbyFraction = 0.5;        ///< DR copy of the servers, as a share of production
    double operationsHoursPerMonth = 40;     ///< patching, scaling, monitoring the fleet
    double operationsHoursPerInstance = 1;   ///< per server and month (patching is automated at scale)
    double serverlessOperationsHoursPerMonth = 8;
    double hourlyRate = 85;                  ///< fully loaded engineer cost, per hour
};

/// Monthly cost of one side, in three parts.
struct CostSplit
{
    double infrastructure = 0;
    double operations = 0;
    double disasterRecovery = 0;
    double total() const { return infrastructure + operations + disasterRecovery; }
};

struct TrafficPoint
{
    double multiple = 1;
    double serverless = 0;
    double servers = 0;
};

/// Serverless against servers for one design.
struct Comparison
{
    CostSplit serverless;
    CostSplit servers;
    /// Whole numbers of servers, held as doubles: an absurd workload may need more than any
    /// integer type holds (then they are infinite, and so is the servers' cost).
    double applicationInstances = 0;
    double brokerInstances = 0;
    double databaseInstances = 0;
    double tco1Serverless = 0, tco1Servers = 0;
    double tco3Serverless = 0, tco3Servers = 0;
    std::vector<std::string> assumptions; ///< each assumption in words, with its number
    std::vector<TrafficPoint> sweep;      ///< x0.01 to x100 in log steps
    /// Traffic multiple where both cost the same; < 0 when the curves do not cross in the
    /// sweep's range (then `serverlessCheaperThroughout` says which side wins).
    double breakEven = -1;
    bool serverlessCheaperThroughout = false;
    /// Some cost of either side, at x1 or in the sweep, is too large to price (infinite):
    /// no break-even is looked for and neither side is said to be cheaper throughout.
    bool tooLargeToCompare = false;
};

/// Sizes a server-based equivalent of the design (application servers for the function
/// and container compute at peak, brokers for queues, topics, buses and streams, a
/// primary and standby database, a load balancer for the APIs), keeps what both sides
/// share (S3, CloudFront, user pools, data transfer), adds operations labour and a
/// disaster-recovery copy, and sweeps traffic from x0.01 to x100.
Comparison compareWithServers(const Architecture &architecture, const Catalog &catalog,
                              const PriceList &prices, const EstimateOptions &options,
                              const ServerAssumptions &assumptions = {});

} // namespace nimbus::model
