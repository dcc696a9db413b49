// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Scenarios: what withScenario() changes in a design, and how that shows in the estimate,
// the server comparison and the side-by-side summary of compareScenarios().

#include "common/testdata.h"

#include <app/cli/estimatecommand.h>
#include <model/cost/estimate.h>
#include <model/cost/montecarlo.h>
#include <model/cost/scenariocomparison.h>
#include <model/io/projectfile.h>

#include <QTest>

#include <map>
#include <memory>
#include <optional>
#include <sstream>

using namespace nimbus::model;
using nimbus::tests::builtinCatalog;

namespace {

/// A scenario with the given settings (designated initializers would leave the rest to
/// -Wmissing-field-initializers).
Scenario scenario(std::string name, double traffic = 1, std::optional<std::string> region = {},
                  std::optional<bool> freeTier = {}, std::optional<std::string> architecture = {},
                  std::optional<std::string> capacityMode = {})
{
    Scenario s;
    s.name = std::move(name);
    s.trafficMultiplier = traffic;
    s.region = std::move(region);
    s.freeTier = freeTier;
    s.architecture = std::move(architecture);
    s.capacityMode = std::move(capacityMode);
    return s;
}

Architecture webApplication()
{
    ProjectLoadResult r = readProjectFile(nimbus::tests::sourcePath("templates/web-application.nimbus").toStdString(),
                                          builtinCatalog());
    if (!r.ok())
        qFatal("template does not load");
    r.architecture.scenarios().clear(); // each test adds its own
    return std::move(r.architecture);
}

/// The bundled price list of a region, read once per region.
const PriceList *bundledPrices(const std::string &region)
{
    static std::map<std::string, std::unique_ptr<PriceList>> cache;
    auto it = cache.find(region);
    if (it == cache.end()) {
        std::ostringstream err;
        auto loaded = nimbus::app::loadPrices(region, "", err);
        it = cache.emplace(region, loaded ? std::make_unique<PriceList>(std::move(*loaded)) : nullptr).first;
    }
    return it->second.get();
}

Estimate estimateOf(const Architecture &design)
{
    EstimateOptions options;
    options.freeTier = design.settings().freeTier;
    return estimate(design, builtinCatalog(), *bundledPrices(design.settings().region), options);
}

double quantity(const Estimate &e, const std::string &node, const std::string &key)
{
    double total = 0;
    for (const LineItem &i : e.items) {
        if (i.node.str() == node && i.priceKey == key)
            total += i.quantity;
    }
    return total;
}

bool hasKey(const Estimate &e, const std::string &key)
{
    for (const LineItem &i : e.items) {
        if (i.priceKey == key)
            return true;
    }
    return false;
}

} // namespace

class TestScenarios final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fiveTimesTheTrafficCostsMore()
    {
        const Architecture design = webApplication();
        const Scenario growth = scenario("5x growth", 5);
        const Architecture grown = withScenario(design, growth);
        QCOMPARE(grown.settings().trafficMultiplier, 5.0);
        QCOMPARE(design.settings().trafficMultiplier, 1.0); // a copy; the design is untouched
        const Estimate before = estimateOf(design);
        const Estimate after = estimateOf(grown);
        QVERIFY(after.total > before.total * 2);
        QCOMPARE(quantity(after, "public-api", "apigw.rest.requests"),
                 5 * quantity(before, "public-api", "apigw.rest.requests"));
    }

    void trafficScalesTheMonteCarloRangesAlike()
    {
        Architecture design = webApplication();
        Node *browser = design.node(NodeId("browser"));
        browser->properties["requestsPerMonthLow"] = 20000000.0;
        browser->properties["requestsPerMonthHigh"] = 40000000.0;
        const Architecture grown = withScenario(design, scenario("x3", 3));
        MonteCarloOptions mc;
        mc.samples = 400;
        const auto run = [&](const Architecture &a) {
            return runMonteCarlo(a, builtinCatalog(), *bundledPrices("us-east-1"), {}, mc);
        };
        const MonteCarloResult base = run(design);
        const MonteCarloResult scaled = run(grown);
        QVERIFY(qAbs(scaled.deterministic - estimateOf(grown).total) < 0.01);
        QVERIFY(scaled.p10 > base.p10 && scaled.p90 > base.p90);
        QVERIFY(scaled.p10 < scaled.deterministic && scaled.deterministic < scaled.p90);
    }

    void architectureChangesFunctionComputePrices()
    {
        Architecture design = webApplication(); // its functions run on arm64
        design.settings().freeTier = false;      // else the free tier hides the compute cost
        const Architecture x86 = withScenario(design, scenario("x86", 1, {}, {}, "x86_64"));
        for (const Node &n : x86.nodes()) {
            if (n.type == "lambda-function")
                QCOMPARE(std::get<std::string>(n.properties.at("architecture")), std::string("x86_64"));
        }
        const Estimate arm = estimateOf(design);
        const Estimate intel = estimateOf(x86);
        QVERIFY(hasKey(arm, "lambda.duration.arm64") && !hasKey(arm, "lambda.duration.x86"));
        QVERIFY(hasKey(intel, "lambda.duration.x86") && !hasKey(intel, "lambda.duration.arm64"));
        QVERIFY(intel.total > arm.total);
    }

    void freeTierComesFromTheScenario()
    {
        Architecture design = webApplication();
        design.scenarios().push_back(scenario("no free tier", 1, {}, false));
        const auto rows = compareScenarios(design, builtinCatalog(), bundledPrices, {});
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].name, std::string(kAsDesigned));
        QCOMPARE(rows[1].name, std::string("no free tier"));
        QVERIFY(rows[1].monthly > rows[0].monthly);
        QVERIFY(!withScenario(design, design.scenarios()[0]).settings().freeTier);
    }

    void regionComesFromTheScenario()
    {
        Architecture design = webApplication();
        design.scenarios().push_back(scenario("Ireland", 1, "eu-west-1"));
        design.scenarios().push_back(scenario("Nowhere", 1, "xx-nowhere-1"));
        const auto rows = compareScenarios(design, builtinCatalog(), bundledPrices, {});
        QCOMPARE(rows[1].region, std::string("eu-west-1"));
        QVERIFY(rows[1].priced() && rows[1].monthly > 0);
        QVERIFY(rows[1].monthly != rows[0].monthly);
        QCOMPARE(estimateOf(withScenario(design, design.scenarios()[0])).region, std::string("eu-west-1"));
        QVERIFY(!rows[2].priced());
        QCOMPARE(rows[2].unknownPrices.front(), std::string("no price list for region 'xx-nowhere-1'"));
    }

    void capacityModeSwitchesTables()
    {
        const Architecture design = webApplication();
        const Architecture provisioned = withScenario(design, scenario("p", 1, {}, {}, {}, "provisioned"));
        QCOMPARE(std::get<std::string>(provisioned.node(NodeId("orders-table"))->properties.at("capacityMode")),
                 std::string("PROVISIONED"));
        const Estimate e = estimateOf(provisioned);
        // Sized for peak: at least one unit each, paid for all 730 hours of the month.
        QVERIFY(quantity(e, "orders-table", "dynamodb.provisioned.wcu") >= 730);
        QVERIFY(quantity(e, "orders-table", "dynamodb.provisioned.rcu") >= 730);
        QVERIFY(!hasKey(e, "dynamodb.ondemand.write"));
        const Architecture back = withScenario(provisioned, scenario("o", 1, {}, {}, {}, "on-demand"));
        QCOMPARE(std::get<std::string>(back.node(NodeId("orders-table"))->properties.at("capacityMode")),
                 std::string("PAY_PER_REQUEST"));
        QVERIFY(hasKey(estimateOf(back), "dynamodb.ondemand.write"));
    }

    void overridesSetNodeValues()
    {
        const Architecture design = webApplication();
        Scenario s = scenario("big functions");
        s.overrides.push_back({NodeId("create-order"), "memoryMb", std::int64_t(2048)});
        const Architecture changed = withScenario(design, s);
        QCOMPARE(std::get<std::int64_t>(changed.node(NodeId("create-order"))->properties.at("memoryMb")),
                 std::int64_t(2048));
        QVERIFY(estimateOf(changed).nodeTotal(NodeId("create-order"))
                > estimateOf(design).nodeTotal(NodeId("create-order")));
        QVERIFY(checkScenario(design, s, builtinCatalog()).empty());
    }

    void unknownIdsAndPropertiesAreWarnings()
    {
        Architecture design = webApplication();
        Scenario s = scenario("typos");
        s.overrides.push_back({NodeId("no-such-node"), "memoryMb", std::int64_t(1024)});
        s.overrides.push_back({NodeId("create-order"), "memoryMegabytes", std::int64_t(1024)});
        s.overrides.push_back({NodeId("get-orders"), "memoryMb", std::int64_t(1)});
        const Architecture applied = withScenario(design, s); // the unknown node is skipped
        QCOMPARE(applied.nodes().size(), design.nodes().size());

        const Diagnostics problems = checkScenario(design, s, builtinCatalog(), "design.nimbus");
        QCOMPARE(problems.size(), std::size_t(3));
        for (const Diagnostic &d : problems)
            QCOMPARE(d.severity, Severity::Warning);
        QVERIFY(QString::fromStdString(problems[0].message).contains("no-such-node"));
        QVERIFY(QString::fromStdString(problems[1].message).contains("no property 'memoryMegabytes'"));
        QVERIFY(QString::fromStdString(problems[2].message).contains("must be"));

        design.scenarios().push_back(s);
        const auto rows = compareScenarios(design, builtinCatalog(), bundledPrices, {});
        QVERIFY(rows[1].warnings >= rows[0].warnings + 3);
        QVERIFY(rows[1].errors > rows[0].errors); // 1 MB is an invalid value for validation too
    }

    void namesAreUniqueInvariants()
    {
        Architecture design = webApplication();
        QVERIFY(design.checkInvariants().empty());
        design.scenarios().push_back(scenario("launch"));
        QCOMPARE(uniqueScenarioName(design, "launch"), std::string("launch 2"));
        QCOMPARE(uniqueScenarioName(design, "peak"), std::string("peak"));
        QVERIFY(findScenario(design, "launch"));
        QVERIFY(!findScenario(design, "peak"));
        design.scenarios().push_back(scenario("launch"));
        QCOMPARE(design.checkInvariants().size(), std::size_t(1));
        Architecture other = webApplication();
        QVERIFY(!(other == design));
    }

    void templateScenariosAreCanonicalAndClean_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("web application") << "templates/web-application.nimbus";
        QTest::newRow("iot backend") << "templates/iot-backend.nimbus";
    }
    void templateScenariosAreCanonicalAndClean()
    {
        QFETCH(QString, file);
        const std::string text = nimbus::tests::readSourceFile(file);
        const ProjectLoadResult loaded = readProject(text, file.toStdString(), builtinCatalog());
        QVERIFY(loaded.ok() && loaded.diagnostics.empty());
        QCOMPARE(writeProject(loaded.architecture), text); // saved unchanged, no diff
        QVERIFY(loaded.architecture.scenarios().size() >= 2);
        for (const Scenario &s : loaded.architecture.scenarios())
            QVERIFY2(checkScenario(loaded.architecture, s, builtinCatalog()).empty(), s.name.c_str());
    }

    void summaryComparesWithServers()
    {
        Architecture design = webApplication();
        design.scenarios().push_back(scenario("launch", 0.1));
        design.scenarios().push_back(scenario("5x growth", 5));
        const auto rows = compareScenarios(design, builtinCatalog(), bundledPrices, {});
        QCOMPARE(rows.size(), std::size_t(3));
        QVERIFY(rows[1].monthly < rows[0].monthly && rows[0].monthly < rows[2].monthly);
        for (const VariantSummary &r : rows) {
            QVERIFY(r.serversMonthly > 0);
            QVERIFY(r.tco3Servers > 0 && r.tco3Serverless > 0);
            QCOMPARE(r.saving3y(), r.tco3Servers - r.tco3Serverless);
        }
        QCOMPARE(rows[0].monthly, estimateOf(design).total);
        // At this size serverless costs less across the whole sweep: no crossing to show.
        QVERIFY(rows[0].breakEven < 0 && rows[0].serverlessCheaperThroughout);
        QCOMPARE(rows[0].breakEvenText(), std::string("> x100"));
        VariantSummary crossing;
        crossing.breakEven = 3.25;
        QCOMPARE(crossing.breakEvenText("×"), std::string("×3.25"));
        const VariantSummary direct = summariseVariant("x", withScenario(design, design.scenarios()[1]),
                                                       builtinCatalog(), bundledPrices, {});
        QCOMPARE(direct.monthly, rows[2].monthly);
    }
};

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
