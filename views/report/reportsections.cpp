// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The flowing pages of the cost report: cost table, assumptions, validation summary.
#include "reportpages.h"

#include "../canvas/displaytext.h"

#include <model/analysis/propertyaccess.h>
#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/core/propertyvalue.h>
#include <model/cost/pricelist.h>

#include <QPainter>

#include <algorithm>
#include <map>
#include <set>

namespace nimbus::views::report {

namespace {

constexpr qreal kRow = 22;

/// Text from the design or the price list, as the report draws it.
QString qs(const std::string &text)
{
    return displayText(text);
}

QString percent(double fraction)
{
    if (fraction > 0 && fraction < 0.005)
        return QStringLiteral("<1%");
    return QString::number(std::lround(fraction * 100)) + QLatin1Char('%');
}

/// Indices of the estimate's line items grouped by node, most expensive node first.
std::vector<std::vector<std::size_t>> itemsByNode(const model::Estimate &e)
{
    std::vector<std::vector<std::size_t>> groups;
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < e.items.size(); ++i) {
        const auto [it, added] = index.emplace(e.items[i].node.str(), groups.size());
        if (added)
            groups.emplace_back();
        groups[it->second].push_back(i);
    }
    std::stable_sort(groups.begin(), groups.end(), [&](const auto &a, const auto &b) {
        return e.nodeTotal(e.items[a.front()].node) > e.nodeTotal(e.items[b.front()].node);
    });
    return groups;
}

QString workloadValue(const model::Node &node, const model::ServiceType &type, const model::PropertyDef &def)
{
    if (def.type == model::PropertyType::Integer || def.type == model::PropertyType::Number) {
        const double value = model::numberProperty(node, type, def.key, 0);
        return qs(model::formatAmount(value)) + (def.unit.empty() ? QString() : QLatin1Char(' ') + qs(def.unit));
    }
    return qs(model::textProperty(node, type, def.key));
}

/// A finding: its severity on the left, the message and the fix wrapped beside it.
Block findingBlock(const model::Finding &f, const ReportContext &c)
{
    const QFont font = ReportStyle::font(9.5);
    const QString text = qs(f.message) + (f.fix.empty() ? QString() : QStringLiteral("\nFix: ") + qs(f.fix));
    const qreal left = 170;
    Block block;
    block.height = c.measure.wrappedHeight(text, font, c.body.width() - left) + 10;
    const bool error = f.severity == model::Severity::Error;
    const QString severity = error ? QObject::tr("Error") : QObject::tr("Warning");
    const QString rule = qs(f.rule);
    block.paint = [=](QPainter &p, const QRectF &r) {
        const ReportStyle style;
        p.setFont(ReportStyle::font(9.5, true));
        p.setPen(error ? style.bad : style.warn);
        p.drawText(QRectF(r.left(), r.top() + 3, left, 18), Qt::AlignLeft, severity);
        p.setFont(ReportStyle::font(8));
        p.setPen(style.muted);
        drawElided(p, QRectF(r.left(), r.top() + 21, left - 12, 14), rule, Qt::AlignLeft);
        p.setFont(font);
        p.setPen(style.ink);
        p.drawText(QRectF(r.left() + left, r.top() + 3, r.width() - left, r.height() - 3),
                   Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
        p.setPen(QPen(style.rule, 0.5));
        p.drawLine(r.bottomLeft(), r.bottomRight());
    };
    block.height = std::max(block.height, 42.0);
    return block;
}

Block header(const std::vector<Column> &columns)
{
    QStringList titles;
    for (const Column &col : columns)
        titles << col.title;
    return tableRow(columns, titles, kRow + 2, ReportStyle::font(9, true), true);
}

void addWorkload(PageFlow &flow, const ReportContext &c)
{
    const std::vector<Column> columns{{QObject::tr("Entry point"), 2.2},
                                      {QObject::tr("Type"), 1.6},
                                      {QObject::tr("Workload"), 2},
                                      {QObject::tr("Value"), 1.6, Qt::AlignRight}};
    flow.add(heading(QObject::tr("Workload at the entry points"), c.measure, 13));
    bool any = false;
    for (const model::Node &node : c.request.design->nodes()) {
        const model::ServiceType *type = c.request.catalog->type(node.type);
        if (!type || !type->entryPoint)
            continue;
        bool first = true;
        for (const model::PropertyDef &def : type->properties) {
            if (def.group != "Workload" || !model::hasProperty(node, *type, def.key))
                continue;
            if (!any)
                flow.beginTable(header(columns));
            any = true;
            flow.add(tableRow(columns,
                              {first ? qs(node.name) : QString(), first ? qs(type->name) : QString(),
                               qs(def.label), workloadValue(node, *type, def)},
                              kRow, ReportStyle::font(9)));
            first = false;
        }
    }
    flow.endTable();
    if (!any)
        flow.add(paragraph(QObject::tr("The design has no entry points: nothing brings traffic in."),
                           ReportStyle::font(10), ReportStyle().ink, c.body.width(), c.measure));
}

void addPrices(PageFlow &flow, const ReportContext &c)
{
    const model::Estimate &e = c.figures.estimate;
    const std::vector<Column> columns{{QObject::tr("Price"), 2.6},
                                      {QObject::tr("Unit price"), 1.5, Qt::AlignRight},
                                      {QObject::tr("Per"), 1.8},
                                      {QObject::tr("Free each month"), 1.4, Qt::AlignRight},
                                      {QObject::tr("Status"), 1.3},
                                      {QObject::tr("Read on"), 1.0}};
    flow.gap(18);
    flow.add(heading(QObject::tr("Prices"), c.measure, 13));
    flow.add(paragraph(QObject::tr("Prices for %1 from “%2”; the oldest was read on %3. Tiered prices show "
                                   "their first tier; the estimate applies every tier and the free "
                                   "allowance to the account's total usage.")
                           .arg(qs(e.region), qs(c.request.prices->name),
                                e.pricesDate.empty() ? QObject::tr("an unknown date") : qs(e.pricesDate)),
                       ReportStyle::font(9.5), ReportStyle().muted, c.body.width(), c.measure));
    flow.beginTable(header(columns));
    std::set<std::string> seen;
    for (const model::LineItem &item : e.items) {
        if (!seen.insert(item.priceKey).second)
            continue;
        const model::Price *price = c.request.prices->price(item.priceKey);
        const QString name = qs(item.service) + QStringLiteral(" · ") + qs(item.label);
        if (!price) {
            flow.add(tableRow(columns, {name, QObject::tr("unknown"), qs(item.unit), QString(),
                                        QObject::tr("no price"), QString()},
                              kRow, ReportStyle::font(9)));
            continue;
        }
        const QString unit = price->per == 1 ? qs(price->unit)
                                             : qs(model::formatAmount(price->per)) + QLatin1Char(' ') + qs(price->unit);
        flow.add(tableRow(columns,
                          {name, c.price(price->tiers.empty() ? 0 : price->tiers.front().price)
                                     + (price->isTiered() ? QObject::tr(" (tiered)") : QString()),
                           unit, price->freeTier > 0 ? qs(model::formatAmount(price->freeTier)) : QString(),
                           qs(price->status), qs(price->sourceDate)},
                          kRow, ReportStyle::font(9)));
    }
    flow.endTable();
}

} // namespace

std::vector<Page> costTablePages(const ReportContext &c)
{
    const model::Estimate &e = c.figures.estimate;
    PageFlow flow(QObject::tr("Cost by service"), c.body);
    flow.add(heading(QObject::tr("Monthly cost by service"), c.measure, 18));
    const std::vector<Column> columns{{QObject::tr("Service"), 2.3},
                                      {QObject::tr("Dimension"), 2.0},
                                      {QObject::tr("Quantity"), 1.3, Qt::AlignRight},
                                      {QObject::tr("Unit"), 1.8},
                                      {QObject::tr("Unit price"), 1.5, Qt::AlignRight},
                                      {QObject::tr("Monthly"), 1.4, Qt::AlignRight},
                                      {QObject::tr("Share"), 0.7, Qt::AlignRight}};
    flow.beginTable(header(columns));
    for (const std::vector<std::size_t> &group : itemsByNode(e)) {
        const model::LineItem &first = e.items[group.front()];
        const double total = e.nodeTotal(first.node);
        flow.add(tableRow(columns,
                          {qs(first.nodeName), qs(first.service), QString(), QString(), QString(),
                           c.money(total), percent(e.total > 0 ? total / e.total : 0)},
                          kRow, ReportStyle::font(9, true), false, true));
        for (std::size_t i : group) {
            const model::LineItem &item = e.items[i];
            flow.add(tableRow(columns,
                              {QString(), qs(item.label), qs(model::formatAmount(item.quantity)), qs(item.unit),
                               item.unknown ? QObject::tr("unknown") : c.price(item.unitPrice),
                               item.unknown ? QObject::tr("unknown") : c.money(item.cost), QString()},
                              kRow, ReportStyle::font(9)));
        }
    }
    flow.add(tableRow(columns, {QObject::tr("Total per month"), QString(), QString(), QString(), QString(),
                                c.money(e.total), e.total > 0 ? QStringLiteral("100%") : QString()},
                      kRow + 4, ReportStyle::font(10, true), false, true));
    flow.endTable();
    QString note = QObject::tr("The free tier saves %1 a month.").arg(c.money(e.freeTierSavings));
    if (!e.unknownPrices.empty())
        note += QLatin1Char(' ') + QObject::tr("The price list has no price for %1; the total leaves them out.")
                                       .arg(qs([&] {
                                           std::string keys;
                                           for (const std::string &k : e.unknownPrices)
                                               keys += (keys.empty() ? "" : ", ") + k;
                                           return keys;
                                       }()));
    flow.gap(8);
    flow.add(paragraph(note, ReportStyle::font(9.5), ReportStyle().muted, c.body.width(), c.measure));
    return flow.takePages();
}

std::vector<Page> assumptionPages(const ReportContext &c)
{
    PageFlow flow(QObject::tr("Assumptions"), c.body);
    flow.add(heading(QObject::tr("Assumptions"), c.measure, 18));
    addWorkload(flow, c);
    addPrices(flow, c);
    flow.gap(18);
    flow.add(heading(QObject::tr("Server comparison"), c.measure, 13));
    for (const std::string &line : c.figures.comparison.assumptions)
        flow.add(paragraph(QStringLiteral("•  ") + qs(line), ReportStyle::font(9.5), ReportStyle().ink,
                           c.body.width(), c.measure));
    if (!c.request.currency.isUsd()) {
        flow.gap(12);
        flow.add(paragraph(QObject::tr("Prices are in US dollars; this report shows them in %1 at %2 %1 per "
                                       "US dollar, the rate set by the user.")
                               .arg(qs(c.request.currency.code), QString::number(c.request.currency.perUsd)),
                           ReportStyle::font(9.5), ReportStyle().ink, c.body.width(), c.measure));
    }
    return flow.takePages();
}

std::vector<Page> validationPages(const ReportContext &c)
{
    PageFlow flow(QObject::tr("Validation"), c.body);
    flow.add(heading(QObject::tr("Validation summary"), c.measure, 18));
    const model::FindingSummary s = model::summarise(c.figures.findings);
    const QString counts = countOf(s.errors, QObject::tr("error"), QObject::tr("errors")) + QStringLiteral(", ")
                           + countOf(s.warnings, QObject::tr("warning"), QObject::tr("warnings"))
                           + QStringLiteral(", ") + countOf(s.infos, QObject::tr("note"), QObject::tr("notes"))
                           + QLatin1Char('.');
    const QString verdict = s.errors > 0
                                ? QObject::tr("The design cannot be deployed as drawn until the errors are fixed.")
                            : s.warnings > 0 ? QObject::tr("The design can be deployed; the warnings deserve a look.")
                                             : QObject::tr("No errors or warnings.");
    flow.add(paragraph(counts + QLatin1Char(' ') + verdict, ReportStyle::font(12, true), ReportStyle().ink,
                       c.body.width(), c.measure));
    flow.gap(10);
    for (const model::Finding &f : c.figures.findings)
        if (f.severity != model::Severity::Info)
            flow.add(findingBlock(f, c));
    if (s.infos > 0) {
        flow.gap(10);
        flow.add(paragraph(QObject::tr("Notes (information-level findings) are listed in Nimbus and by "
                                       "“nimbus validate”."),
                           ReportStyle::font(9.5), ReportStyle().muted, c.body.width(), c.measure));
    }
    return flow.takePages();
}

} // namespace nimbus::views::report
