// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The cost breakdown by service and by category: the shares add up to the estimate's
// total, their fractions to one, and they come largest first.

#include "common/testdata.h"

#include <app/cli/estimatecommand.h>
#include <model/cost/breakdown.h>
#include <model/cost/estimate.h>
#include <model/io/projectfile.h>

#include <QTest>

#include <cmath>
#include <set>
#include <sstream>

using namespace nimbus::model;
using nimbus::tests::builtinCatalog;

namespace {

Estimate templateEstimate(const QString &name)
{
    const auto loaded = readProjectFile(nimbus::tests::sourcePath("templates/" + name).toStdString(),
                                        builtinCatalog());
    if (!loaded.ok())
        qFatal("template %s does not load", qPrintable(name));
    std::ostringstream err;
    const auto prices = nimbus::app::loadPrices(loaded.architecture.settings().region, "", err);
    if (!prices)
        qFatal("no price list: %s", err.str().c_str());
    return estimate(loaded.architecture, builtinCatalog(), *prices);
}

void checkShares(const std::vector<CostShare> &shares, const Estimate &e)
{
    QVERIFY(!shares.empty());
    double sum = 0, fractions = 0;
    std::set<std::string> keys;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        QVERIFY2(shares[i].cost > 0, shares[i].label.c_str());
        QVERIFY(!shares[i].label.empty());
        QVERIFY2(keys.insert(shares[i].key).second, shares[i].key.c_str());
        QCOMPARE(shares[i].fraction, shares[i].cost / e.total);
        if (i > 0)
            QVERIFY(shares[i - 1].cost >= shares[i].cost);
        sum += shares[i].cost;
        fractions += shares[i].fraction;
    }
    QVERIFY2(std::fabs(sum - e.total) < 1e-9 * std::max(1.0, e.total),
             qPrintable(QString("%1 vs %2").arg(sum, 0, 'f', 6).arg(e.total, 0, 'f', 6)));
    QVERIFY(std::fabs(fractions - 1) < 1e-9);
}

} // namespace

class TestBreakdown final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharesAddUpToTheTotal_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("web application") << "web-application.nimbus";
        QTest::newRow("iot backend") << "iot-backend.nimbus";
    }

    void sharesAddUpToTheTotal()
    {
        QFETCH(QString, file);
        const Estimate e = templateEstimate(file);
        QVERIFY(e.total > 0);
        checkShares(costByService(e), e);
        checkShares(costByCategory(e, builtinCatalog()), e);
    }

    void serviceSharesAreNodeTotals()
    {
        const Estimate e = templateEstimate("web-application.nimbus");
        for (const CostShare &share : costByService(e)) {
            QCOMPARE(share.cost, e.nodeTotal(NodeId(share.key)));
            bool named = false;
            for (const LineItem &item : e.items)
                named = named || (item.node.str() == share.key && item.nodeName == share.label);
            QVERIFY(named);
        }
    }

    void categoriesComeFromTheCatalog()
    {
        const Estimate e = templateEstimate("web-application.nimbus");
        std::set<std::string> names;
        for (const Category &c : builtinCatalog().categories())
            names.insert(c.name);
        for (const CostShare &share : costByCategory(e, builtinCatalog())) {
            QVERIFY2(names.count(share.label), share.label.c_str());
            QCOMPARE(builtinCatalog().category(share.key)->name, share.label);
        }
    }

    void unknownPricesAreLeftOut()
    {
        Estimate e;
        LineItem known;
        known.node = NodeId("fn");
        known.nodeName = "Function";
        known.service = "Lambda function";
        known.cost = 3;
        LineItem unknown = known;
        unknown.node = NodeId("db");
        unknown.nodeName = "Database";
        unknown.service = "no-such-type";
        unknown.unknown = true;
        unknown.cost = 100; // must not count
        LineItem stranger = known;
        stranger.node = NodeId("x");
        stranger.nodeName = "Stranger";
        stranger.service = "no-such-type";
        stranger.cost = 1;
        e.items = {known, unknown, stranger};
        e.total = 4;
        const auto services = costByService(e);
        QCOMPARE(services.size(), std::size_t(2));
        QCOMPARE(services[0].key, std::string("fn"));
        QCOMPARE(services[0].fraction, 0.75);
        const auto categories = costByCategory(e, builtinCatalog());
        QCOMPARE(categories.size(), std::size_t(2));
        QCOMPARE(categories[0].key, builtinCatalog().type("lambda-function")->category);
        QCOMPARE(categories[1].label, std::string("Other"));
        QCOMPARE(categories[1].cost, 1.0);
    }

    void emptyEstimateHasNoShares()
    {
        QVERIFY(costByService(Estimate{}).empty());
        QVERIFY(costByCategory(Estimate{}, builtinCatalog()).empty());
    }
};

QTEST_GUILESS_MAIN(TestBreakdown)
#include "tst_breakdown.moc"
