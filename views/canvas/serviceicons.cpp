// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "serviceicons.h"

#include <resources/embeddedfiles.h>

#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QSvgRenderer>

#include <memory>

namespace nimbus::views {

namespace {

/// One renderer per type, made on first use and kept for the life of the program.
QSvgRenderer *rendererFor(const std::string &typeId)
{
    static QHash<QString, std::shared_ptr<QSvgRenderer>> cache;
    const QString key = QString::fromStdString(typeId);
    if (auto it = cache.find(key); it != cache.end())
        return it->get();
    std::shared_ptr<QSvgRenderer> renderer;
    for (const std::string &name : {"icons/" + typeId + ".svg", std::string("icons/generic.svg")}) {
        for (const auto &file : resources::embeddedFiles()) {
            if (file.path == name) {
                renderer = std::make_shared<QSvgRenderer>(QByteArray(file.content.data(), qsizetype(file.content.size())));
                break;
            }
        }
        if (renderer && renderer->isValid())
            break;
    }
    cache.insert(key, renderer);
    return renderer.get();
}

/// Draws the SVG at whatever size and device pixel ratio the icon is asked for.
class SvgIconEngine final : public QIconEngine
{
public:
    explicit SvgIconEngine(std::string typeId)
        : m_typeId(std::move(typeId))
    {}
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode, QIcon::State) override
    {
        paintServiceIcon(*painter, rect, m_typeId);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }
    QIconEngine *clone() const override { return new SvgIconEngine(m_typeId); }

private:
    std::string m_typeId;
};

} // namespace

QIcon serviceIcon(const std::string &typeId)
{
    return QIcon(new SvgIconEngine(typeId));
}

void paintServiceIcon(QPainter &painter, const QRectF &rect, const std::string &typeId)
{
    if (QSvgRenderer *renderer = rendererFor(typeId))
        renderer->render(&painter, rect);
}

} // namespace nimbus::views
