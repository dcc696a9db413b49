// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Prints timings (median of repeated runs) for the foundation's hot paths on a synthetic
// 2,000-service design: loading the catalog, writing and reading the project file,
// building the graph view and validating.

#include "synthetic.h"

#include <app/cli/builtincatalog.h>
#include <model/analysis/validate.h>
#include <model/analysis/workload.h>
#include <model/graph/architecturegraph.h>
#include <model/cost/estimate.h>
#include <model/cost/montecarlo.h>
#include <model/cost/servercomparison.h>
#include <model/iac/exporter.h>
#include <model/iac/importer.h>
#include <model/io/projectfile.h>
#include <model/layout/autolayout.h>
#include <app/cli/estimatecommand.h>

#include <iostream>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        const auto end = std::chrono::steady_clock::now();
        times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void report(const char *what, double ms)
{
    std::printf("%-44s %10.3f ms\n", what, ms);
}

} // namespace

int main()
{
    using namespace nimbus;
    model::CatalogLoadResult catalog;
    report("load built-in catalog", medianMs(21, [&] { catalog = app::loadCatalog(); }));
    if (!catalog.ok()) {
        std::fprintf(stderr, "catalog does not load\n");
        return 1;
    }
    const model::Architecture design = bench::syntheticDesign(2000);
    std::printf("synthetic design: %zu services, %zu connections\n", design.nodes().size(),
                design.edges().size());

    std::string text;
    report("write project file (2,000 services)", medianMs(21, [&] { text = model::writeProject(design); }));
    std::printf("project file size: %zu bytes\n", text.size());
    model::ProjectLoadResult loaded;
    report("read project file (2,000 services)",
           medianMs(21, [&] { loaded = model::readProject(text, "synthetic.nimbus", catalog.catalog); }));
    if (!loaded.ok() || loaded.architecture.nodes().size() != design.nodes().size()) {
        std::fprintf(stderr, "synthetic design did not read back\n");
        return 1;
    }
    report("build graph view + cycles + islands", medianMs(51, [&] {
               model::ArchitectureGraph graph(design);
               (void)graph.cycles();
               (void)graph.islands();
           }));
    std::vector<model::Finding> findings;
    report("validate: graph + workload + all rules", medianMs(51, [&] {
               findings = model::validate(design, catalog.catalog);
           }));
    const model::ArchitectureGraph graph(design);
    model::Workload workload;
    report("  of which workload propagation", medianMs(51, [&] {
               workload = model::propagateWorkload(design, catalog.catalog, graph);
           }));
    report("  of which rules", medianMs(51, [&] {
               findings = model::validate(design, catalog.catalog, graph, workload);
           }));
    std::map<std::string, int> byRule;
    for (const auto &f : findings)
        ++byRule[f.rule];
    std::printf("findings: %zu", findings.size());
    for (const auto &[rule, count] : byRule)
        std::printf("  %s=%d", rule.c_str(), count);
    std::printf("\n");

    // Linear scaling: the same design at half and double size.
    for (int size : {1000, 4000}) {
        const model::Architecture other = bench::syntheticDesign(size);
        char label[80];
        std::snprintf(label, sizeof label, "validate %d services, %zu connections", size, other.edges().size());
        report(label, medianMs(21, [&] { (void)model::validate(other, catalog.catalog); }));
    }

    std::ostringstream err;
    const auto prices = app::loadPrices("us-east-1", "", err);
    if (!prices) {
        std::fprintf(stderr, "%s", err.str().c_str());
        return 1;
    }
    model::Estimate estimate;
    model::EstimateOptions live;
    live.explain = false;
    report("estimate 2,000 services (live, no formulas)", medianMs(21, [&] {
               estimate = model::estimate(design, catalog.catalog, *prices, live);
           }));
    report("estimate 2,000 services with formulas", medianMs(21, [&] {
               estimate = model::estimate(design, catalog.catalog, *prices);
           }));
    std::printf("  %zu line items, %s per month\n", estimate.items.size(),
                model::formatMoney(estimate.total).c_str());
    report("server comparison + sweep, 2,000 services", medianMs(5, [&] {
               (void)model::compareWithServers(design, catalog.catalog, *prices, {});
           }));

    // Monte Carlo over a 200-service design whose entry points and functions all have ranges.
    model::Architecture small = bench::syntheticDesign(200);
    for (const model::Node &n : std::vector<model::Node>(small.nodes())) {
        model::Node *node = small.node(n.id);
        if (n.type == "client" || n.type == "iot-device") {
            node->properties["requestsPerMonthLow"] = 500000.0;
            node->properties["requestsPerMonthHigh"] = 3000000.0;
        } else if (n.type == "lambda-function") {
            node->properties["averageDurationMsLow"] = 50.0;
            node->properties["averageDurationMsHigh"] = 400.0;
        }
    }
    model::MonteCarloOptions mc;
    mc.samples = 100000;
    model::MonteCarloResult result;
    report("Monte Carlo 100,000 samples, 200 services", medianMs(5, [&] {
               result = model::runMonteCarlo(small, catalog.catalog, *prices, {}, mc);
           }));
    std::printf("  %zu uncertain inputs; P10 %s  P50 %s  P90 %s (as designed %s)\n", result.inputs.size(),
                model::formatMoney(result.p10).c_str(), model::formatMoney(result.p50).c_str(),
                model::formatMoney(result.p90).c_str(), model::formatMoney(result.deterministic).c_str());

    // SAM / CloudFormation export of the 2,000-service design and import of its export.
    for (auto format : {model::iac::TemplateFormat::Sam, model::iac::TemplateFormat::CloudFormation}) {
        model::iac::ExportOptions options;
        options.format = format;
        options.fileStem = "synthetic";
        model::iac::ExportResult exported;
        const std::string what = std::string("export ") + model::iac::templateFormatName(format) + " (2,000 services)";
        report(what.c_str(), medianMs(11, [&] {
            exported = model::iac::exportDesign(design, catalog.catalog, app::builtinPolicyTemplates(), options);
        }));
        std::size_t bytes = 0;
        for (const auto &f : exported.files)
            bytes += f.text.size();
        std::printf("  %zu resources in %zu files (%zu nested stacks), %zu bytes\n", exported.stats.resources,
                    exported.files.size(), exported.stats.nestedStacks, bytes);
        std::size_t resources = 0;
        std::size_t nodes = 0;
        std::size_t edges = 0;
        const std::string importWhat = std::string("import its ") + model::iac::templateFormatName(format) + " export";
        report(importWhat.c_str(), medianMs(11, [&] {
            resources = nodes = edges = 0;
            for (const auto &f : exported.files) {
                const auto back = model::iac::importTemplate(f.text, f.fileName, catalog.catalog);
                resources += back.stats.resources;
                nodes += back.stats.nodes;
                edges += back.stats.edges;
            }
        }));
        std::printf("  %zu resources read, %zu nodes, %zu connections\n", resources, nodes, edges);
    }

    // Graphviz dot grows faster than linearly (crossing minimisation on wide ranks): three sizes.
    for (const auto &[size, label] : {std::pair{200, "auto layout 200 services"},
                                      std::pair{500, "auto layout 500 services"},
                                      std::pair{2000, "auto layout 2,000 services"}}) {
        const model::Architecture laid = bench::syntheticDesign(size);
        model::LayoutResult layout;
        report(label, medianMs(size < 2000 ? 5 : 3, [&] { layout = model::autoLayout(laid); }));
        if (!layout.ok())
            std::printf("  %s\n", layout.error.c_str());
    }
    return 0;
}
