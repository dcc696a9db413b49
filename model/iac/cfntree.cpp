// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "cfntree.h"

#include <model/core/propertyvalue.h>
#include <model/io/yamlwriter.h>

#include <algorithm>
#include <cctype>

namespace nimbus::model::cfn {

Tree text(const std::string &value)
{
    return stringScalar(value);
}

Tree integer(long long value)
{
    return Tree::makeScalar(std::to_string(value));
}

Tree number(double value)
{
    return Tree::makeScalar(formatNumber(value));
}

Tree boolean(bool value)
{
    return Tree::makeScalar(value ? "true" : "false");
}

namespace {

Tree tagged(const std::string &tag, const std::string &argument)
{
    Tree t = stringScalar(argument);
    t.tag = tag;
    return t;
}

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

/// Splits a name into words at non-alphanumeric characters and lower-to-upper changes.
std::vector<std::string> words(std::string_view name)
{
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (!isWordChar(c)) {
            if (!current.empty())
                out.push_back(std::move(current));
            current.clear();
            continue;
        }
        if (!current.empty() && std::isupper(static_cast<unsigned char>(c))
            && std::islower(static_cast<unsigned char>(current.back()))) {
            out.push_back(std::move(current));
            current.clear();
        }
        current += c;
    }
    if (!current.empty())
        out.push_back(std::move(current));
    return out;
}

} // namespace

Tree ref(const std::string &logicalId)
{
    return tagged("!Ref", logicalId);
}

Tree getAtt(const std::string &logicalId, const std::string &attribute)
{
    return tagged("!GetAtt", logicalId + "." + attribute);
}

Tree sub(const std::string &pattern)
{
    return tagged("!Sub", pattern);
}

Tree list(std::vector<Tree> items)
{
    Tree t = Tree::makeSequence();
    t.items = std::move(items);
    return t;
}

Tree map(std::vector<std::pair<std::string, Tree>> entries)
{
    Tree t = Tree::makeMap();
    t.entries = std::move(entries);
    return t;
}

Tree &child(Tree &parent, const std::string &key)
{
    if (!parent.isMap())
        parent = Tree::makeMap();
    Tree *found = parent.find(key);
    if (found == nullptr || found->isNull()) {
        parent.set(key, Tree::makeMap());
        return *parent.find(key);
    }
    if (found->isMap() && found->tag.empty() && intrinsicName(*found).empty())
        return *found;
    // Something written by hand that is not a plain map (an !If, a !Ref): it is kept as it
    // is, and what would have gone into it is dropped.
    static thread_local Tree scratch;
    scratch = Tree::makeMap();
    return scratch;
}

Tree &childList(Tree &parent, const std::string &key)
{
    if (!parent.isMap())
        parent = Tree::makeMap();
    Tree *found = parent.find(key);
    if (found != nullptr && found->isSequence() && found->tag.empty())
        return *found;
    // A single value where a list may stand ("Policies: AWSLambdaBasicExecutionRole",
    // "DependsOn: Table") becomes the first item, so nothing written by hand is lost.
    Tree list = Tree::makeSequence();
    if (found != nullptr && !found->isNull())
        list.items.push_back(*found);
    parent.set(key, std::move(list));
    return *parent.find(key);
}

bool isValidLogicalId(std::string_view id)
{
    return !id.empty() && id.size() <= 255 && std::all_of(id.begin(), id.end(), isWordChar);
}

std::string pascalCase(std::string_view name)
{
    std::string out;
    for (std::string word : words(name)) {
        word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        out += word;
    }
    return out.substr(0, 200);
}

std::string upperSnake(std::string_view name)
{
    std::string out;
    for (const std::string &word : words(name)) {
        if (!out.empty())
            out += '_';
        for (char c : word)
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string kebab(std::string_view name)
{
    std::string out;
    for (const std::string &word : words(name)) {
        if (!out.empty())
            out += '-';
        for (char c : word)
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string intrinsicName(const Tree &tree)
{
    static const char *const names[] = {
        "Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::If",
        "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Fn::FindInMap", "Fn::ImportValue",
        "Fn::Base64", "Fn::Cidr", "Fn::GetAZs", "Condition", "Fn::Transform", "Fn::Length",
        "Fn::ToJsonString"};
    if (!tree.tag.empty() && tree.tag[0] == '!' && tree.tag.size() > 1 && tree.tag[1] != '!') {
        const std::string shortName = tree.tag.substr(1);
        if (shortName == "Ref" || shortName == "Condition")
            return shortName;
        return "Fn::" + shortName;
    }
    if (tree.isMap() && tree.entries.size() == 1) {
        const std::string &key = tree.entries.front().first;
        for (const char *n : names) {
            if (key == n)
                return key;
        }
    }
    return {};
}

const Tree *intrinsicArgument(const Tree &tree)
{
    if (!tree.tag.empty() && tree.tag[0] == '!' && tree.tag.size() > 1 && tree.tag[1] != '!')
        return &tree;
    if (tree.isMap() && tree.entries.size() == 1)
        return &tree.entries.front().second;
    return nullptr;
}

namespace {

/// Calls `visit(name, begin, length)` for every "${Name}" or "${Name.Attr}" variable in a Sub
/// pattern, where begin and length cover Name only.
template<typename Visit>
void forEachSubVariable(const std::string &pattern, Visit visit)
{
    std::size_t pos = 0;
    while ((pos = pattern.find("${", pos)) != std::string::npos) {
        const std::size_t close = pattern.find('}', pos + 2);
        if (close == std::string::npos)
            return;
        if (pattern[pos + 2] != '!') {
            std::string var = pattern.substr(pos + 2, close - pos - 2);
            const std::size_t dot = var.find('.');
            const std::string name = dot == std::string::npos ? var : var.substr(0, dot);
            if (name.rfind("AWS::", 0) != 0)
                visit(name, pos + 2, name.size());
        }
        pos = close + 1;
    }
}

/// The Sub pattern scalar of a Sub, and the names its own variable map defines.
Tree *subPattern(Tree &arg, std::vector<std::string> &locals)
{
    if (arg.isScalar())
        return &arg;
    if (arg.isSequence() && !arg.items.empty() && arg.items[0].isScalar()) {
        if (arg.items.size() > 1 && arg.items[1].isMap()) {
            for (const auto &[k, v] : arg.items[1].entries)
                locals.push_back(k);
        }
        return &arg.items[0];
    }
    return nullptr;
}

template<typename TreeT, typename OnRef>
void walk(TreeT &tree, OnRef onRef)
{
    // Most of a template is plain maps, lists and untagged scalars: no function to look up.
    const bool maybeFunction = !tree.tag.empty() || (tree.isMap() && tree.entries.size() == 1);
    const std::string fn = maybeFunction ? intrinsicName(tree) : std::string();
    if (!fn.empty()) {
        auto *arg = const_cast<Tree *>(intrinsicArgument(tree));
        if (arg != nullptr) {
            if (fn == "Ref" && arg->isScalar() && (arg == &tree || arg->tag.empty())) {
                onRef(*arg, 0, arg->scalar.size(), false);
                return;
            }
            if (fn == "Fn::GetAtt") {
                if (arg->isScalar()) {
                    const std::size_t dot = arg->scalar.find('.');
                    onRef(*arg, 0, dot == std::string::npos ? arg->scalar.size() : dot, false);
                    return;
                }
                if (arg->isSequence() && !arg->items.empty() && arg->items[0].isScalar()) {
                    onRef(arg->items[0], 0, arg->items[0].scalar.size(), false);
                    for (std::size_t i = 1; i < arg->items.size(); ++i)
                        walk(arg->items[i], onRef);
                    return;
                }
            }
            if (fn == "Fn::Sub") {
                std::vector<std::string> locals;
                Tree *pattern = subPattern(*arg, locals);
                if (pattern != nullptr) {
                    std::vector<std::pair<std::size_t, std::size_t>> spans;
                    forEachSubVariable(pattern->scalar, [&](const std::string &name, std::size_t b, std::size_t n) {
                        if (std::find(locals.begin(), locals.end(), name) == locals.end())
                            spans.emplace_back(b, n);
                    });
                    // Back to front, so that renaming keeps earlier offsets valid.
                    for (auto it = spans.rbegin(); it != spans.rend(); ++it)
                        onRef(*pattern, it->first, it->second, true);
                    if (arg->isSequence()) {
                        for (std::size_t i = 1; i < arg->items.size(); ++i)
                            walk(arg->items[i], onRef);
                    }
                    return;
                }
            }
            if (arg != &tree) {
                walk(*arg, onRef);
                return;
            }
        }
    }
    if (tree.isMap()) {
        for (auto &entry : tree.entries)
            walk(entry.second, onRef);
    } else if (tree.isSequence()) {
        for (auto &item : tree.items)
            walk(item, onRef);
    } else if (!fn.empty() && fn != "Ref" && fn != "Fn::GetAtt" && fn != "Fn::Sub") {
        // A tagged scalar of another function (for example "!GetAZs region"): no reference.
    }
}

} // namespace

void collectReferences(const Tree &tree, std::vector<std::string> &out)
{
    Tree &mutableTree = const_cast<Tree &>(tree); // walk only reads here
    walk(mutableTree, [&](Tree &scalar, std::size_t begin, std::size_t length, bool) {
        std::string name = scalar.scalar.substr(begin, length);
        if (!name.empty() && name.rfind("AWS::", 0) != 0)
            out.push_back(std::move(name));
    });
}

void renameReferences(Tree &tree, const std::string &from, const std::string &to)
{
    walk(tree, [&](Tree &scalar, std::size_t begin, std::size_t length, bool) {
        if (scalar.scalar.compare(begin, length, from) == 0 && length == from.size())
            scalar.scalar.replace(begin, length, to);
    });
}

} // namespace nimbus::model::cfn
