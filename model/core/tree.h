// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace nimbus::model {

/// A YAML document held as plain data, independent of any YAML library: scalars keep their
/// text, their tag (for example "!Ref") and whether they were quoted; maps keep their key
/// order. Used for what Nimbus does not model but must write back unchanged: unknown keys
/// of a project file, and the parts of a CloudFormation template that have no node.
struct Tree
{
    enum class Kind { Null, Scalar, Sequence, Map };

    Kind kind = Kind::Null;
    std::string scalar;
    std::string tag;     ///< "" when none; local tags keep their "!" ("!Ref")
    bool quoted = false; ///< scalar was quoted, so "true" or "1" stays a string
    bool flow = false;   ///< map or sequence written inline ("[1, 2]"); style only
    std::vector<Tree> items;
    std::vector<std::pair<std::string, Tree>> entries;
    int line = 0;   ///< 1-based position in the source, 0 when built in code
    int column = 0;

    // Declared here and defaulted below the class: clang with libstdc++ 12 otherwise
    // defines the copy constructor while Tree is still incomplete, and `entries` holds it.
    Tree() = default;
    Tree(const Tree &);
    Tree(Tree &&) noexcept;
    Tree &operator=(const Tree &);
    Tree &operator=(Tree &&) noexcept;
    ~Tree();

    static Tree makeScalar(std::string text, bool quoted = false);
    static Tree makeMap();
    static Tree makeSequence();

    bool isNull() const { return kind == Kind::Null; }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isMap() const { return kind == Kind::Map; }
    bool isSequence() const { return kind == Kind::Sequence; }

    /// The entry under `key` in a map, or nullptr.
    const Tree *find(const std::string &key) const;
    Tree *find(const std::string &key);

    /// Adds or replaces a map entry, keeping the position of an existing key.
    void set(const std::string &key, Tree value);

    friend bool operator==(const Tree &a, const Tree &b);
};

inline Tree::Tree(const Tree &) = default;
inline Tree::Tree(Tree &&) noexcept = default;
inline Tree &Tree::operator=(const Tree &) = default;
inline Tree &Tree::operator=(Tree &&) noexcept = default;
inline Tree::~Tree() = default;

} // namespace nimbus::model
