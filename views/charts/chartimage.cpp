// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Painting a chart into any QPainter, and saving it as PNG or SVG.

#include "costcharts.h"

#include "../canvas/displaytext.h"
#include "../document/outputfile.h"

#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace nimbus::views::charts {

namespace {

/// Lays the chart out at `size` now, instead of on the next pass of the event loop.
void layOut(QChart *chart, const QSizeF &size)
{
    chart->resize(size);
    if (chart->layout())
        chart->layout()->activate();
    QCoreApplication::sendPostedEvents(chart, QEvent::LayoutRequest);
}

} // namespace

void paintChart(QChart *chart, QPainter &painter, const QRectF &target)
{
    if (!chart || target.isEmpty())
        return;
    if (QGraphicsScene *scene = chart->scene()) {
        // Shown in a view: lay out at the target's size, paint, put it back.
        const QRectF before = chart->geometry();
        layOut(chart, target.size());
        scene->render(&painter, target, chart->sceneBoundingRect());
        chart->setGeometry(before);
        if (chart->layout())
            chart->layout()->activate();
        return;
    }
    QGraphicsScene scene;
    scene.addItem(chart);
    layOut(chart, target.size());
    scene.render(&painter, target, chart->sceneBoundingRect());
    scene.removeItem(chart); // the caller keeps the chart
}

std::shared_ptr<QChart> shareChart(QChart *chart)
{
    return std::shared_ptr<QChart>(chart, [](QChart *c) { delete c; });
}

bool saveChartImage(QChart *chart, const QString &path, QSize size, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!chart)
        return fail(QCoreApplication::translate("Charts", "There is no chart to save."));
    if (size.isEmpty())
        return fail(QCoreApplication::translate("Charts", "The image size is empty."));
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QRectF target(QPointF(0, 0), QSizeF(size));
    if (suffix == QLatin1String("png")) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(chart->backgroundBrush().color());
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        paintChart(chart, painter, target);
        painter.end();
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG"))
            return fail(
                QCoreApplication::translate("Charts", "%1: the PNG image could not be made.")
                    .arg(path));
        return writeOutputFile(path, bytes, error);
    }
    if (suffix == QLatin1String("svg")) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(target);
        svg.setTitle(svgText(chart->title())); // Qt writes both as they are, into XML
        svg.setDescription(svgText(QCoreApplication::translate("Charts", "Nimbus cost chart")));
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(
                QCoreApplication::translate("Charts", "%1: the SVG image could not be made.")
                    .arg(path));
        paintChart(chart, painter, target);
        painter.end();
        return writeOutputFile(path, bytes, error);
    }
    return fail(QCoreApplication::translate("Charts", "Unknown image type \"%1\": use .png or .svg.")
                    .arg(suffix.isEmpty() ? path : QStringLiteral(".") + suffix));
}

} // namespace nimbus::views::charts
