// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "tree.h"

namespace nimbus::model {

Tree Tree::makeScalar(std::string text, bool quoted)
{
    Tree tree;
    tree.kind = Kind::Scalar;
    tree.scalar = std::move(text);
    tree.quoted = quoted;
    return tree;
}

Tree Tree::makeMap()
{
    Tree tree;
    tree.kind = Kind::Map;
    return tree;
}

Tree Tree::makeSequence()
{
    Tree tree;
    tree.kind = Kind::Sequence;
    return tree;
}

const Tree *Tree::find(const std::string &key) const
{
    for (const auto &[k, v] : entries) {
        if (k == key)
            return &v;
    }
    return nullptr;
}

Tree *Tree::find(const std::string &key)
{
    for (auto &[k, v] : entries) {
        if (k == key)
            return &v;
    }
    return nullptr;
}

void Tree::set(const std::string &key, Tree value)
{
    kind = Kind::Map;
    if (Tree *existing = find(key)) {
        *existing = std::move(value);
        return;
    }
    entries.emplace_back(key, std::move(value));
}

bool operator==(const Tree &a, const Tree &b)
{
    // Source positions are not part of the value.
    return a.kind == b.kind && a.scalar == b.scalar && a.tag == b.tag && a.quoted == b.quoted
           && a.items == b.items && a.entries == b.entries;
}

} // namespace nimbus::model
