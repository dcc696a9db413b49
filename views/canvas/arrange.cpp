// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "arrange.h"

#include "serviceitem.h"

#include <model/layout/autolayout.h>
#include <views/commands/movenodescommand.h>
#include <views/document/document.h>

#include <QCoreApplication>
#include <QUndoStack>

#include <algorithm>
#include <limits>

namespace nimbus::views {

namespace {

constexpr double kW = ServiceItem::kWidth;
constexpr double kH = ServiceItem::kHeight;

struct Box
{
    model::NodeId id;
    model::Point pos;
};

std::vector<Box> boxesOf(const Document &document, const QStringList &nodeIds)
{
    std::vector<Box> boxes;
    for (const QString &id : nodeIds) {
        const model::NodeId nodeId(id.toStdString());
        if (const model::Node *node = document.architecture().node(nodeId))
            boxes.push_back({nodeId, node->position});
    }
    return boxes;
}

bool push(Document &document, const std::vector<MoveNodesCommand::Move> &moves, const QString &text)
{
    std::vector<MoveNodesCommand::Move> changed;
    std::copy_if(moves.begin(), moves.end(), std::back_inserter(changed),
                 [](const MoveNodesCommand::Move &m) { return !(m.from == m.to); });
    if (changed.empty())
        return false;
    auto *command = new MoveNodesCommand(document, std::move(changed), MoveNodesCommand::Gesture::Drag);
    command->setText(text);
    document.undoStack()->push(command);
    return true;
}

} // namespace

bool alignServices(Document &document, const QStringList &nodeIds, Alignment alignment)
{
    const std::vector<Box> boxes = boxesOf(document, nodeIds);
    if (boxes.size() < 2)
        return false;
    double left = std::numeric_limits<double>::max(), top = left;
    double right = std::numeric_limits<double>::lowest(), bottom = right;
    for (const Box &b : boxes) {
        left = std::min(left, b.pos.x);
        top = std::min(top, b.pos.y);
        right = std::max(right, b.pos.x + kW);
        bottom = std::max(bottom, b.pos.y + kH);
    }
    std::vector<MoveNodesCommand::Move> moves;
    for (const Box &b : boxes) {
        model::Point to = b.pos;
        switch (alignment) {
        case Alignment::Left: to.x = left; break;
        case Alignment::Right: to.x = right - kW; break;
        case Alignment::Top: to.y = top; break;
        case Alignment::Bottom: to.y = bottom - kH; break;
        case Alignment::HorizontalCentres: to.x = (left + right) / 2 - kW / 2; break;
        case Alignment::VerticalCentres: to.y = (top + bottom) / 2 - kH / 2; break;
        }
        moves.push_back({b.id, b.pos, to});
    }
    return push(document, moves,
                QCoreApplication::translate("Arrange", "Align %n service(s)", nullptr, static_cast<int>(boxes.size())));
}

bool distributeServices(Document &document, const QStringList &nodeIds, Qt::Orientation orientation)
{
    std::vector<Box> boxes = boxesOf(document, nodeIds);
    if (boxes.size() < 3)
        return false;
    const bool horizontal = orientation == Qt::Horizontal;
    auto coord = [horizontal](const model::Point &p) { return horizontal ? p.x : p.y; };
    std::stable_sort(boxes.begin(), boxes.end(),
                     [&](const Box &a, const Box &b) { return coord(a.pos) < coord(b.pos); });
    const double first = coord(boxes.front().pos);
    const double step = (coord(boxes.back().pos) - first) / static_cast<double>(boxes.size() - 1);
    std::vector<MoveNodesCommand::Move> moves;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        model::Point to = boxes[i].pos;
        (horizontal ? to.x : to.y) = i + 1 == boxes.size() ? coord(boxes[i].pos) : first + step * static_cast<double>(i);
        moves.push_back({boxes[i].id, boxes[i].pos, to});
    }
    return push(document, moves,
                QCoreApplication::translate("Arrange", "Distribute %n service(s)", nullptr, static_cast<int>(boxes.size())));
}

QString autoLayoutDesign(Document &document, bool *pushed)
{
    if (pushed)
        *pushed = false;
    model::LayoutOptions options;
    options.nodeWidth = kW;
    options.nodeHeight = kH;
    const model::LayoutResult result = model::autoLayout(document.architecture(), options);
    if (!result.ok())
        return QString::fromStdString(result.error);
    std::vector<MoveNodesCommand::Move> moves;
    for (const auto &[id, to] : result.positions) {
        if (const model::Node *node = document.architecture().node(id))
            moves.push_back({id, node->position, to});
    }
    const bool didPush = push(document, moves, QCoreApplication::translate("Arrange", "Auto layout"));
    if (pushed)
        *pushed = didPush;
    return {};
}

} // namespace nimbus::views
