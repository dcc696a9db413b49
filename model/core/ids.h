// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <compare>
#include <functional>
#include <string>
#include <utility>

namespace nimbus::model {

/// A strong, string-backed identifier. The tag type keeps node, edge, group and note ids
/// apart at compile time. Ids are persisted in project files and survive export/import
/// (an imported resource keeps its CloudFormation logical id), so they are strings.
template<typename Tag>
class Id
{
public:
    Id() = default;
    explicit Id(std::string value)
        : m_value(std::move(value))
    {}

    const std::string &str() const { return m_value; }
    bool isEmpty() const { return m_value.empty(); }

    friend bool operator==(const Id &, const Id &) = default;
    friend auto operator<=>(const Id &, const Id &) = default;

private:
    std::string m_value;
};

using NodeId = Id<struct NodeIdTag>;
using EdgeId = Id<struct EdgeIdTag>;
using GroupId = Id<struct GroupIdTag>;
using NoteId = Id<struct NoteIdTag>;

/// True when `text` may serve as an id: 1 to 255 characters of [A-Za-z0-9_.-], so that an
/// id can also become a CloudFormation logical id after dropping the punctuation.
bool isValidId(const std::string &text);

} // namespace nimbus::model

template<typename Tag>
struct std::hash<nimbus::model::Id<Tag>>
{
    std::size_t operator()(const nimbus::model::Id<Tag> &id) const noexcept
    {
        return std::hash<std::string>{}(id.str());
    }
};
