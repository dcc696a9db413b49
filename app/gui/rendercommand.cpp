// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "rendercommand.h"

#include "../cli/cli.h"
#include "../cli/designloader.h"

#include <model/core/ids.h>
#include <model/core/limits.h>
#include <model/core/propertyvalue.h>
#include <views/report/diagramexport.h>

#include <QFileInfo>

#include <optional>
#include <ostream>
#include <utility>

namespace nimbus::app {

namespace {

const char *const kRenderUsage =
    R"(Usage: nimbus render FILE -o OUT.(png|svg|pdf) [--scale 1|2] [--no-legend] [--no-title]
                    [--title TEXT] [--date] [--background white|canvas|transparent]
                    [--page diagram|a4] [--services ID,ID...] [--catalog DIR]

Draws the diagram of a design as a PNG image, an SVG drawing or a PDF page, for slides and
documents: the services, connections, groups and notes as the canvas shows them, without
selection, costs or finding badges, with the design's name as a title above and a legend
of the service categories and connection kinds used below. The format follows the
extension of OUT.

  -o, --output OUT   the file to write (.png, .svg or .pdf)
  --scale 1|2        PNG pixels per canvas unit (2 for high-density screens); default 1
  --no-legend        leave out the legend
  --no-title         leave out the title
  --title TEXT       the title instead of the design's name
  --date             today's date beside the title
  --background B     white (the default), canvas (the canvas colour) or transparent
                     (PNG and SVG; a PDF page stays white)
  --page P           PDF page: diagram (sized to the diagram, the default) or a4 (A4
                     landscape, shrunk to fit; larger A sizes when text would be too small)
  --services IDS     only these services (comma-separated ids), the connections among
                     them and their groups

Exit code 2 on bad usage, an unknown extension, an unreadable design or an unwritable file.
No display is needed.
)";

struct RenderArgs
{
    std::string file;
    std::string output;
    std::string catalogDir;
    views::DiagramExportOptions options;
    bool help = false;
};

/// Parses the words after "render"; the error message when they are not usable.
std::optional<std::string> parse(const std::vector<std::string> &args, RenderArgs &r)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        const auto value = [&](std::string &into) -> bool {
            if (i + 1 >= args.size())
                return false;
            into = args[++i];
            return true;
        };
        std::string v;
        if (a == "--help" || a == "-h") {
            r.help = true;
        } else if (a == "-o" || a == "--output") {
            if (!value(r.output))
                return "-o needs a file name";
        } else if (a == "--catalog") {
            if (!value(r.catalogDir))
                return "--catalog needs a folder";
        } else if (a == "--scale") {
            if (!value(v) || (v != "1" && v != "2"))
                return "--scale must be 1 or 2";
            r.options.scale = std::stoi(v);
        } else if (a == "--no-legend") {
            r.options.legend = false;
        } else if (a == "--no-title") {
            r.options.title = false;
        } else if (a == "--date") {
            r.options.date = true;
        } else if (a == "--title") {
            if (!value(v))
                return "--title needs a text";
            if (model::utf8Length(v) > model::kMaxNameLength)
                return model::tooLongMessage("--title", model::utf8Length(v), model::kMaxNameLength);
            r.options.titleText = QString::fromStdString(v);
        } else if (a == "--background") {
            using Background = views::DiagramExportOptions::Background;
            if (!value(v) || (v != "white" && v != "canvas" && v != "transparent"))
                return "--background must be white, canvas or transparent";
            r.options.background = v == "white"    ? Background::White
                                   : v == "canvas" ? Background::Canvas
                                                   : Background::Transparent;
        } else if (a == "--page") {
            if (!value(v) || (v != "diagram" && v != "a4"))
                return "--page must be diagram or a4";
            r.options.pdfPage = v == "a4" ? views::DiagramExportOptions::PdfPage::A4Landscape
                                          : views::DiagramExportOptions::PdfPage::FitDiagram;
        } else if (a == "--services") {
            if (!value(v) || v.empty())
                return "--services needs service ids, separated by commas";
            r.options.nodeIds =
                QString::fromStdString(v).split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &id : std::as_const(r.options.nodeIds)) {
                if (!model::isValidId(id.toStdString()))
                    return "--services takes service ids (1 to 255 letters, digits, '-', '_' and '.'), not '"
                           + id.left(80).toStdString() + "'";
            }
        } else if (a.size() > 1 && a.front() == '-') {
            return "unknown option '" + a + "'";
        } else if (r.file.empty()) {
            r.file = a;
        } else {
            return "only one file can be rendered at a time";
        }
    }
    if (r.help)
        return std::nullopt;
    if (r.file.empty())
        return "a design file is needed";
    if (r.output.empty())
        return "name the output with -o OUT.png, OUT.svg or OUT.pdf";
    if (!views::diagramFormatForPath(QString::fromStdString(r.output)))
        return "unknown output format '" +
               QFileInfo(QString::fromStdString(r.output)).suffix().toStdString() + "' for " +
               r.output + " (use .png, .svg or .pdf)";
    return std::nullopt;
}

} // namespace

bool isRenderInvocation(const std::vector<std::string> &args)
{
    return !args.empty() && args.front() == "render";
}

int runRender(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    RenderArgs r;
    if (const std::optional<std::string> problem = parse(args, r)) {
        err << "nimbus render: " << *problem << "\n\n" << kRenderUsage;
        return ExitUsage;
    }
    if (r.help) {
        out << kRenderUsage;
        return ExitClean;
    }
    std::optional<LoadedDesign> design = loadDesign(r.file, r.catalogDir, err);
    if (!design) {
        err << "nimbus render: " << r.file << " cannot be read\n";
        return ExitUsage;
    }
    for (const QString &id : std::as_const(r.options.nodeIds)) {
        if (!design->architecture.node(model::NodeId(id.toStdString()))) {
            err << "nimbus render: " << r.file << " has no service '" << id.toStdString() << "'\n";
            return ExitUsage;
        }
    }
    if (r.options.titleText.isEmpty() && design->architecture.name().empty())
        r.options.titleText = QFileInfo(QString::fromStdString(r.file)).completeBaseName();
    const views::DiagramExport diagram(design->catalog, design->architecture, r.options);
    QString error;
    if (!diagram.write(QString::fromStdString(r.output), &error)) {
        err << "nimbus render: " << error.toStdString() << '\n';
        return ExitUsage;
    }
    const int services = diagram.serviceCount();
    err << "nimbus render: wrote " << r.output << " (" << services
        << (services == 1 ? " service" : " services");
    if (views::diagramFormatForPath(QString::fromStdString(r.output)) == views::DiagramFormat::Png) {
        err << ", " << diagram.imageSize().width() << " x " << diagram.imageSize().height() << " pixels";
        if (diagram.imageScale() < r.options.scale)
            err << ", drawn smaller to fit " << model::formatAmount(double(model::kMaxImagePixels))
                << " pixels; SVG and PDF keep the full size";
    }
    err << ")\n";
    return ExitClean;
}

} // namespace nimbus::app
