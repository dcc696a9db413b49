// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// How the model's commands scale: each step (project write and read, validate, estimate,
// SAM and CloudFormation export, import of the export) on synthetic designs of 10,000,
// 40,000 and 200,000 services, one figure per step and size. Twice the size should take
// about twice the time; a step that grows faster shows here. Sizes above the design limits
// (docs/file-format.md, "Limits") are built in memory: reading such a file is refused up
// front, and the figure shows how quickly.
//
// Run: build/ci/bench/nimbus_bench_scale [--only STEP] [SIZE...]
//      build/ci/bench/nimbus_bench_scale --write FILE.nimbus SIZE|longest|densest

#include "maximal.h"
#include "synthetic.h"

#include <app/cli/builtincatalog.h>
#include <app/cli/estimatecommand.h>
#include <model/analysis/validate.h>
#include <model/cost/estimate.h>
#include <model/iac/exporter.h>
#include <model/iac/importer.h>
#include <model/io/projectfile.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace nimbus;

std::string s_only; ///< --only WORD: run the steps whose name contains WORD

bool wanted(const std::string &step)
{
    return s_only.empty() || step.find(s_only) != std::string::npos;
}

/// Wall-clock and processor time of one step, in milliseconds. On a shared machine the
/// processor time is the steadier figure.
struct Timing
{
    double wallMs = 0;
    double cpuMs = 0;
};

double cpuNowMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

Timing timeMs(const std::function<void()> &work)
{
    const double cpuStart = cpuNowMs();
    const auto start = std::chrono::steady_clock::now();
    work();
    const auto end = std::chrono::steady_clock::now();
    return {std::chrono::duration<double, std::milli>(end - start).count(), cpuNowMs() - cpuStart};
}

void report(int size, const std::string &step, Timing t, const std::string &note = {})
{
    std::printf("%8d  %-32s %10.1f %10.1f  %s\n", size, step.c_str(), t.wallMs, t.cpuMs, note.c_str());
    std::fflush(stdout);
}

void exportAndImport(int size, const model::Architecture &design, const model::Catalog &catalog,
                     model::iac::TemplateFormat format)
{
    const std::string name = model::iac::templateFormatName(format);
    if (!wanted("export " + name) && !wanted("import its " + name))
        return;
    model::iac::ExportOptions options;
    options.format = format;
    options.fileStem = "synthetic";
    model::iac::ExportResult exported;
    const Timing ms = timeMs([&] {
        exported = model::iac::exportDesign(design, catalog, app::builtinPolicyTemplates(), options);
    });
    std::size_t bytes = 0;
    for (const auto &f : exported.files)
        bytes += f.text.size();
    report(size, "export " + name, ms,
           std::to_string(exported.stats.resources) + " resources, " + std::to_string(exported.files.size())
               + " files, " + std::to_string(bytes / 1024) + " KiB" + (exported.ok() ? "" : ", FAILED"));
    if (!wanted("import its " + name))
        return;
    std::size_t nodes = 0;
    std::size_t refused = 0;
    const Timing importMs = timeMs([&] {
        for (const auto &f : exported.files) {
            const auto back = model::iac::importTemplate(f.text, f.fileName, catalog);
            nodes += back.design.nodes().size();
            refused += back.ok() ? 0 : 1;
        }
    });
    report(size, "import its " + name + " export", importMs,
           std::to_string(nodes) + " nodes" + (refused ? ", " + std::to_string(refused) + " files refused" : ""));
}

void projectFile(int size, const model::Architecture &design, const model::Catalog &catalog)
{
    std::string text;
    const Timing writeMs = timeMs([&] { text = model::writeProject(design); });
    report(size, "write project file", writeMs,
           std::to_string(text.size() / 1024) + " KiB, " + std::to_string(design.edges().size()) + " connections");
    model::ProjectLoadResult loaded;
    const Timing readMs = timeMs([&] { loaded = model::readProject(text, "synthetic.nimbus", catalog); });
    std::string note = std::to_string(loaded.architecture.nodes().size()) + " services read";
    if (!loaded.ok())
        note = "refused: " + loaded.diagnostics.front().toString();
    report(size, "read project file", readMs, note);
}

void runSize(int size, const model::Catalog &catalog, const model::PriceList &prices)
{
    const model::Architecture design = bench::syntheticDesign(size);
    if (wanted("project file"))
        projectFile(size, design, catalog);
    if (wanted("validate")) {
        std::vector<model::Finding> findings;
        const Timing validateMs = timeMs([&] { findings = model::validate(design, catalog); });
        report(size, "validate", validateMs, std::to_string(findings.size()) + " findings");
    }
    if (wanted("estimate")) {
        model::EstimateOptions live;
        live.explain = false;
        model::Estimate estimate;
        const Timing estimateMs = timeMs([&] { estimate = model::estimate(design, catalog, prices, live); });
        report(size, "estimate", estimateMs, std::to_string(estimate.items.size()) + " line items");
    }
    exportAndImport(size, design, catalog, model::iac::TemplateFormat::Sam);
    exportAndImport(size, design, catalog, model::iac::TemplateFormat::CloudFormation);
    if (wanted("hub")) {
        // One function wired to every other service: work that grows with a node's degree.
        const model::Architecture hub = bench::hubDesign(size);
        const Timing validateMs = timeMs([&] { (void)model::validate(hub, catalog); });
        report(size, "hub: validate", validateMs);
        for (auto format : {model::iac::TemplateFormat::Sam, model::iac::TemplateFormat::CloudFormation}) {
            model::iac::ExportOptions options;
            options.format = format;
            model::iac::ExportResult exported;
            const Timing ms = timeMs([&] {
                exported = model::iac::exportDesign(hub, catalog, app::builtinPolicyTemplates(), options);
            });
            report(size, std::string("hub: export ") + model::iac::templateFormatName(format), ms,
                   std::to_string(exported.stats.resources) + " resources" + (exported.ok() ? "" : ", FAILED"));
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--only" && i + 1 < argc) {
            s_only = argv[++i];
        } else if (arg == "--write" && i + 2 < argc) {
            // A design as a project file, for the command-line figures: the synthetic one of
            // SIZE services, or "longest" or "densest" (bench/maximal.h).
            const std::string what = argv[i + 2];
            const model::Architecture design = what == "longest"   ? bench::longestDesign()
                                               : what == "densest" ? bench::densestDesign()
                                                                   : bench::syntheticDesign(std::atoi(what.c_str()));
            std::string error;
            if (!model::saveProjectFile(design, argv[i + 1], error)) {
                std::fprintf(stderr, "%s\n", error.c_str());
                return 1;
            }
            return 0;
        } else {
            sizes.push_back(std::atoi(arg.c_str()));
        }
    }
    if (sizes.empty())
        sizes = {10'000, 40'000, 200'000};
    const model::CatalogLoadResult catalog = app::loadCatalog();
    std::ostringstream err;
    const auto prices = app::loadPrices("us-east-1", "", err);
    if (!catalog.ok() || !prices) {
        std::fprintf(stderr, "catalog or prices do not load\n%s", err.str().c_str());
        return 1;
    }
    std::printf("services  step                             wall (ms)   cpu (ms)\n");
    for (int size : sizes)
        runSize(size, catalog.catalog, *prices);
    return 0;
}
