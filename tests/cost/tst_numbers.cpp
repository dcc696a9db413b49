// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Huge and absurd numbers: the formatters write any double as something a person reads,
// the number limits of the file format, and the cost engine, the server comparison with
// its sweep and break-even, Monte Carlo and validation over every numeric property of the
// catalog set to the format's largest and smallest numbers and to 0.

#include "common/hostiledesigns.h"
#include "common/testdata.h"

#include <app/cli/estimatecommand.h>
#include <model/analysis/validate.h>
#include <model/core/numberlimits.h>
#include <model/cost/breakdown.h>
#include <model/cost/currency.h>
#include <model/cost/estimate.h>
#include <model/cost/lineitemscsv.h>
#include <model/cost/montecarlo.h>
#include <model/cost/servercomparison.h>

#include <QTest>

#include <cmath>
#include <limits>
#include <sstream>

using namespace nimbus;
using namespace nimbus::model;
using tests::builtinCatalog;
using tests::showsNonFinite;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMax = std::numeric_limits<double>::max();

const PriceList &prices()
{
    static const PriceList list = [] {
        std::ostringstream err;
        auto loaded = app::loadPrices("us-east-1", "", err);
        if (!loaded)
            qFatal("no prices: %s", err.str().c_str());
        return *loaded;
    }();
    return list;
}

/// Every text a person may read from the figures, formatted as the front ends do.
std::vector<std::string> textsOf(const Estimate &e, const Comparison &c, const MonteCarloResult &m)
{
    const Currency euro{"EUR", "€", 0.9};
    std::vector<std::string> texts{formatMoney(e.total),
                                   formatMoney(e.freeTierSavings),
                                   lineItemsCsv(e, euro, &prices()),
                                   formatCurrency(c.tco3Servers - c.tco3Serverless, euro),
                                   formatAmount(c.applicationInstances),
                                   formatAmount(c.breakEven),
                                   formatMoney(m.p10),
                                   formatMoney(m.p90),
                                   formatCurrencyShort(m.mean, euro)};
    for (const LineItem &item : e.items) {
        for (const std::string &t :
             {item.explanation, formatAmount(item.quantity), formatUnitPrice(item.unitPrice),
              formatCurrencyPrice(item.unitPrice, euro), formatCurrencyWhole(item.cost, euro)})
            texts.push_back(t);
    }
    for (const TrafficPoint &p : c.sweep)
        texts.push_back(formatMoney(p.serverless) + formatMoney(p.servers));
    texts.insert(texts.end(), c.assumptions.begin(), c.assumptions.end());
    return texts;
}

/// Estimate, server comparison with its sweep, 1,000 Monte Carlo samples and validation of
/// `design`: no figure is NaN, no text shows NaN or infinity.
void checkEverything(const Architecture &design, const char *name)
{
    EstimateOptions options;
    const Estimate e = estimate(design, builtinCatalog(), prices(), options);
    const Comparison c = compareWithServers(design, builtinCatalog(), prices(), options);
    MonteCarloOptions mc;
    mc.samples = 1000;
    mc.threads = 1;
    const MonteCarloResult m = runMonteCarlo(design, builtinCatalog(), prices(), options, mc);
    QVERIFY2(!std::isnan(e.total) && !std::isnan(e.freeTierSavings), name);
    for (const LineItem &item : e.items)
        QVERIFY2(!std::isnan(item.cost) && !std::isnan(item.unitPrice),
                 (std::string(name) + " " + item.priceKey).c_str());
    for (const CostShare &share : costByService(e))
        QVERIFY2(std::isfinite(share.fraction), name);
    for (const CostShare &share : costByCategory(e, builtinCatalog()))
        QVERIFY2(std::isfinite(share.fraction), name);
    QVERIFY2(!std::isnan(c.tco3Servers) && !std::isnan(c.tco3Serverless) &&
                 !std::isnan(c.applicationInstances),
             name);
    for (const TrafficPoint &p : c.sweep)
        QVERIFY2(!std::isnan(p.serverless) && !std::isnan(p.servers), name);
    QVERIFY2(!std::isnan(c.breakEven) &&
                 (c.breakEven < 0 || (c.breakEven >= 0.01 && c.breakEven <= 100)),
             name);
    QVERIFY2(!std::isnan(m.p10) && !std::isnan(m.p50) && !std::isnan(m.p90) && !std::isnan(m.mean),
             name);
    int counted = m.tooLarge;
    for (int n : m.binCounts)
        counted += n;
    QCOMPARE(counted, m.samples);
    for (double edge : m.binEdges)
        QVERIFY2(std::isfinite(edge), name);
    for (const std::string &text : textsOf(e, c, m))
        QVERIFY2(!showsNonFinite(text), (std::string(name) + ": " + text).c_str());
    for (const Finding &f : validate(design, builtinCatalog()))
        QVERIFY2(!showsNonFinite(f.message + " " + f.fix),
                 (std::string(name) + ": " + f.message).c_str());
}

} // namespace

class TestNumbers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formattersWriteEveryDouble_data()
    {
        QTest::addColumn<double>("value");
        const double values[] = {0,
                                 -0.0,
                                 1e-320,
                                 1e-300,
                                 0.004,
                                 0.5,
                                 1,
                                 999.995,
                                 123456.789,
                                 1e14,
                                 999999999999999.0,
                                 1e15,
                                 1.234e17,
                                 1e60,
                                 1e300,
                                 kMax,
                                 -kMax,
                                 -1e17,
                                 kInf,
                                 -kInf,
                                 std::numeric_limits<double>::quiet_NaN()};
        for (double v : values)
            QTest::addRow("%g", v) << v;
    }

    void formattersWriteEveryDouble()
    {
        QFETCH(double, value);
        const Currency euro{"EUR", "€", 0.9};
        const Currency rial{"IRR", "IRR ", kMaxExchangeRate};
        for (const std::string &text :
             {formatAmount(value), formatMoney(value), formatUnitPrice(value),
              formatMoney(value, "EUR"), formatCurrency(value, euro),
              formatCurrencyWhole(value, euro), formatCurrencyPrice(value, euro),
              formatCurrencyShort(value, euro), formatCurrency(value, rial),
              formatCurrencyPrice(value, rial)}) {
            QVERIFY2(!showsNonFinite(text), text.c_str());
            QVERIFY2(text.size() <= 40, text.c_str()); // a person reads it, not a row of 300 digits
        }
        // The CSV for finance tools keeps every digit (a machine reads it), but never NaN.
        QVERIFY(!showsNonFinite(plainNumber(value)));
    }

    void formattersSayWhatHappened()
    {
        // Reproducers: "$nan.-2147483648" for an overflowed total, std::out_of_range from
        // formatUnitPrice (the window's SIGABRT), a 17-digit total for memoryMb = int64 max.
        QCOMPARE(formatMoney(std::numeric_limits<double>::quiet_NaN()),
                 std::string("too large to price"));
        QCOMPARE(formatMoney(kInf), std::string("too large to price"));
        QCOMPARE(formatUnitPrice(1e60), std::string("$1e+60"));
        QCOMPARE(formatCurrencyPrice(-2.5e20, {"EUR", "€", 1}), std::string("-€2.5e+20"));
        QCOMPARE(formatMoney(34587753224631648.28), std::string("$3.46e+16"));
        QCOMPARE(formatCurrencyWhole(1.234e17, {"EUR", "€", 0.5}), std::string("€6.17e+16"));
        QCOMPARE(formatAmount(kMax), std::string("1.8e+308"));
        QCOMPARE(formatAmount(kInf), std::string("too large"));
        // Up to the limit, every digit as before.
        QCOMPARE(formatMoney(12345678901234.5), std::string("$12,345,678,901,234.50"));
        QCOMPARE(formatAmount(1e14), std::string("100,000,000,000,000"));
        QCOMPARE(formatCurrencyShort(2.5e12, {}), std::string("$2.5T"));
        QCOMPARE(formatUnitPrice(0.0000166667), std::string("$0.0000166667"));
    }

    void numberLimits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem"); // part of the message, "" when accepted
        QTest::newRow("reproducer 1e308") << "1e308"
                                          << "10^15";
        QTest::newRow("reproducer int64 max") << "9223372036854775807"
                                              << "10^15";
        QTest::newRow("beyond a double") << "1e400"
                                         << "10^15";
        QTest::newRow("one past the limit") << "1000000000000001"
                                            << "10^15";
        QTest::newRow("negative") << "-2e15"
                                  << "10^15";
        QTest::newRow("yaml infinity") << ".inf"
                                       << "infinite";
        QTest::newRow("yaml minus infinity") << "-.Inf"
                                             << "infinite";
        QTest::newRow("yaml nan") << ".NaN"
                                  << "not a number";
        QTest::newRow("c nan") << "nan"
                               << "not a number";
        QTest::newRow("too close to zero") << "1e-400"
                                           << "zero";
        QTest::newRow("the limit") << "1e15"
                                   << "";
        QTest::newRow("minus the limit") << "-1000000000000000"
                                         << "";
        QTest::newRow("small") << "0.0000001"
                               << "";
        QTest::newRow("not a number at all") << "lots"
                                             << "";
    }

    void numberLimits()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        const std::optional<std::string> found = numberTextProblem(text.toStdString());
        QCOMPARE(found.has_value(), !problem.isEmpty());
        if (found)
            QVERIFY2(QString::fromStdString(*found).contains(problem), found->c_str());
        QVERIFY(isWithinNumberLimit(kNumberLimit) &&
                !isWithinNumberLimit(std::nextafter(kNumberLimit, kInf)));
        QVERIFY(!isWithinNumberLimit(std::numeric_limits<double>::quiet_NaN()));
        // Every whole number within the limit is exact in a double.
        QVERIFY(kNumberLimit < 9007199254740992.0);
    }

    void overflowIsTooLargeToPrice()
    {
        // Every number within the format's limit, yet 10^15 × (10^15)^24 requests.
        const Architecture design = tests::overflowingDesign();
        const Estimate e = estimate(design, builtinCatalog(), prices(), {});
        QVERIFY(std::isinf(e.total));
        QCOMPARE(formatMoney(e.total), std::string(kTooLargeToPrice));
        const Comparison c = compareWithServers(design, builtinCatalog(), prices(), {});
        QVERIFY(c.tooLargeToCompare);
        QVERIFY(c.breakEven < 0 && !c.serverlessCheaperThroughout);
        QVERIFY(std::isinf(c.applicationInstances)); // more servers than any integer holds
        MonteCarloOptions mc;
        mc.samples = 500;
        const MonteCarloResult m = runMonteCarlo(design, builtinCatalog(), prices(), {}, mc);
        QCOMPARE(m.tooLarge, 500);
        QVERIFY(m.binCounts.empty() && m.binEdges.empty());
        checkEverything(design, "overflowing chain");
    }

    void reproducerRequestsPerMonthBeyondTheFormat()
    {
        // requestsPerMonth: 1e308 no longer loads, but the engine must not print NaN for it
        // either (a design built in memory, or an import of a future format).
        for (double value : {1e308, kMax, 9223372036854775807.0}) {
            Architecture design = tests::feedingDesign(builtinCatalog(), "lambda-function");
            design.node(NodeId("n0"))->properties["requestsPerMonth"] = value;
            design.node(NodeId("target"))->properties["memoryMb"] =
                std::int64_t(9223372036854775807);
            checkEverything(design, "beyond the format");
        }
    }

    void everyNumericPropertyAtTheLimits_data()
    {
        QTest::addColumn<int>("index");
        const auto &cases = hostile();
        for (std::size_t i = 0; i < cases.size(); ++i)
            QTest::addRow("%s", cases[i].name.c_str()) << int(i);
    }

    void everyNumericPropertyAtTheLimits()
    {
        QFETCH(int, index);
        const tests::HostileCase &c = hostile()[std::size_t(index)];
        QVERIFY2(c.design.node(NodeId("target")), c.name.c_str());
        checkEverything(c.design, c.name.c_str());
    }

    void everyTypeWithEveryNumberAtOnce()
    {
        for (double value : tests::hostileValues()) {
            for (const tests::HostileCase &c : tests::allAtOnceCases(builtinCatalog(), value))
                checkEverything(c.design, c.name.c_str());
        }
    }

private:
    static const std::vector<tests::HostileCase> &hostile()
    {
        static const std::vector<tests::HostileCase> cases = tests::hostileCases(builtinCatalog());
        return cases;
    }
};

QTEST_GUILESS_MAIN(TestNumbers)
#include "tst_numbers.moc"
