// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "reportcommand.h"

#include "../cli/cli.h"
#include "../cli/designloader.h"
#include "../cli/estimatecommand.h"

#include <model/core/scenario.h>
#include <model/cost/lineitemscsv.h>
#include <model/io/atomicfile.h>
#include <views/report/costreport.h>

#include <QDate>
#include <QFileInfo>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <ostream>

namespace nimbus::app {

namespace {

const char *const kReportUsage =
    R"(Usage: nimbus report FILE -o OUT.(pdf|csv) [--scenario NAME]
                    [--currency-code CODE --exchange-rate R] [--currency-symbol S]
                    [--prices FILE] [--date YYYY-MM-DD] [--catalog DIR]

Writes the cost report of a design. A .pdf is the executive report: title page, diagram,
headline numbers (monthly cost, serverless against servers, break-even, 3-year saving),
the cost table by service, the assumptions (workload, prices and their dates, server
comparison) and the validation summary. A .csv holds every line item of the estimate
(node, service, dimension, quantity, unit, unit price, monthly cost) for finance tools.

  -o, --output OUT        the file to write (.pdf or .csv)
  --scenario NAME         report the design as one of its scenarios sees it (traffic,
                          region, free tier, settings and overrides of that scenario)
  --currency-code CODE    show amounts in this currency (ISO code, e.g. EUR); needs
                          --exchange-rate unless CODE is USD
  --exchange-rate R       units of the currency for one US dollar (greater than zero)
  --currency-symbol S     the symbol written before amounts (default: $ for USD, else CODE)
  --prices FILE           a price list laid over the bundled one for the design's region
  --date YYYY-MM-DD       the date printed on the report (default: today)

Exit code 2 on bad usage, an unknown extension, an unreadable design, a region without
prices or an unwritable file. No display is needed.
)";

struct ReportArgs
{
    std::string file;
    std::string output;
    std::string catalogDir;
    std::string pricesFile;
    std::string code;
    std::string symbol;
    std::string scenario;
    std::optional<double> rate;
    QDate date;
    bool help = false;
};

bool isCsv(const std::string &path)
{
    return QFileInfo(QString::fromStdString(path)).suffix().compare(QStringLiteral("csv"), Qt::CaseInsensitive) == 0;
}

bool isPdf(const std::string &path)
{
    return QFileInfo(QString::fromStdString(path)).suffix().compare(QStringLiteral("pdf"), Qt::CaseInsensitive) == 0;
}

std::optional<std::string> parseOption(const std::vector<std::string> &args, std::size_t &i, ReportArgs &r)
{
    const std::string &a = args[i];
    std::string v;
    const auto value = [&](std::string &into) {
        if (i + 1 >= args.size())
            return false;
        into = args[++i];
        return true;
    };
    if (a == "-o" || a == "--output")
        return value(r.output) ? std::nullopt : std::optional<std::string>("-o needs a file name");
    if (a == "--catalog")
        return value(r.catalogDir) ? std::nullopt : std::optional<std::string>("--catalog needs a folder");
    if (a == "--prices")
        return value(r.pricesFile) ? std::nullopt : std::optional<std::string>("--prices needs a file");
    if (a == "--scenario") {
        if (!value(r.scenario) || r.scenario.empty())
            return "--scenario needs the name of one of the design's scenarios";
        return std::nullopt;
    }
    if (a == "--currency-code") {
        if (!value(r.code) || r.code.empty())
            return "--currency-code needs a code such as EUR";
        return std::nullopt;
    }
    if (a == "--currency-symbol") {
        if (!value(r.symbol) || r.symbol.empty())
            return "--currency-symbol needs a symbol such as €";
        return std::nullopt;
    }
    if (a == "--exchange-rate") {
        char *end = nullptr;
        const bool ok = value(v);
        const double rate = ok ? std::strtod(v.c_str(), &end) : 0;
        if (!ok || v.empty() || *end != '\0' || !(rate > 0) || !std::isfinite(rate))
            return "--exchange-rate must be a number greater than zero, not '" + v + "'";
        r.rate = rate;
        return std::nullopt;
    }
    if (a == "--date") {
        r.date = value(v) ? QDate::fromString(QString::fromStdString(v), Qt::ISODate) : QDate();
        return r.date.isValid() ? std::nullopt : std::optional<std::string>("--date needs a date as YYYY-MM-DD");
    }
    return "unknown option '" + a + "'";
}

/// Parses the words after "report"; the error message when they are not usable.
std::optional<std::string> parse(const std::vector<std::string> &args, ReportArgs &r)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a == "--help" || a == "-h") {
            r.help = true;
        } else if (a.size() > 1 && a.front() == '-') {
            if (std::optional<std::string> problem = parseOption(args, i, r))
                return problem;
        } else if (r.file.empty()) {
            r.file = a;
        } else {
            return "only one design can be reported at a time";
        }
    }
    if (r.help)
        return std::nullopt;
    if (r.file.empty())
        return "a design file is needed";
    if (r.output.empty())
        return "name the output with -o OUT.pdf or OUT.csv";
    if (!isPdf(r.output) && !isCsv(r.output))
        return "unknown output format '" + QFileInfo(QString::fromStdString(r.output)).suffix().toStdString()
               + "' for " + r.output + " (use .pdf or .csv)";
    if (r.rate && r.code.empty())
        return "--exchange-rate needs --currency-code to name the currency";
    if (!r.code.empty() && r.code != "USD" && !r.rate)
        return "--currency-code " + r.code + " needs --exchange-rate (units of " + r.code + " per US dollar)";
    return std::nullopt;
}

model::Currency currencyOf(const ReportArgs &r)
{
    model::Currency currency;
    if (!r.code.empty()) {
        currency.code = r.code;
        currency.symbol = r.code == "USD" ? "$" : r.code + " ";
    }
    if (!r.symbol.empty())
        currency.symbol = r.symbol;
    if (r.rate)
        currency.perUsd = *r.rate;
    return currency;
}

} // namespace

bool isReportInvocation(const std::vector<std::string> &args)
{
    return !args.empty() && args.front() == "report";
}

int runReport(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    ReportArgs r;
    if (const std::optional<std::string> problem = parse(args, r)) {
        err << "nimbus report: " << *problem << "\n\n" << kReportUsage;
        return ExitUsage;
    }
    if (r.help) {
        out << kReportUsage;
        return ExitClean;
    }
    std::optional<LoadedDesign> design = loadDesign(r.file, r.catalogDir, err);
    if (!design) {
        err << "nimbus report: " << r.file << " cannot be read\n";
        return ExitUsage;
    }
    if (!r.scenario.empty() && !applyScenario(*design, r.scenario, r.file, "nimbus report", err))
        return ExitUsage;
    const std::optional<model::PriceList> prices =
        loadPrices(design->architecture.settings().region, r.pricesFile, err);
    if (!prices)
        return ExitUsage;
    views::ReportRequest request;
    request.design = &design->architecture;
    request.catalog = &design->catalog;
    request.prices = &*prices;
    request.currency = currencyOf(r);
    request.date = r.date;
    request.scenarioName = QString::fromStdString(r.scenario);
    if (design->architecture.name().empty())
        request.title = QFileInfo(QString::fromStdString(r.file)).completeBaseName();
    if (isCsv(r.output)) {
        model::EstimateOptions options;
        options.freeTier = design->architecture.settings().freeTier;
        const model::Estimate estimate = model::estimate(design->architecture, design->catalog, *prices, options);
        std::string error;
        if (!model::writeFileAtomically(r.output, model::lineItemsCsv(estimate, request.currency, &*prices), error)) {
            err << "nimbus report: " << error << '\n';
            return ExitUsage;
        }
        err << "nimbus report: wrote " << r.output << " (" << estimate.items.size() << " line items)\n";
        return ExitClean;
    }
    QString error;
    views::ReportSummary summary;
    if (!views::writeCostReport(request, QString::fromStdString(r.output), &error, &summary)) {
        err << "nimbus report: " << error.toStdString() << '\n';
        return ExitUsage;
    }
    err << "nimbus report: wrote " << r.output << " (" << summary.pages << " pages)\n";
    return ExitClean;
}

} // namespace nimbus::app
