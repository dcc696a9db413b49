// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "yamlwriter.h"

#include <model/core/text.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <regex>
#include <string_view>
#include <utility>

namespace nimbus::model {

namespace {

bool looksLikeNumber(const std::string &text)
{
    // Every number form below starts with a sign, a digit or a dot and uses only these
    // characters: skip the regex otherwise.
    static constexpr std::string_view firsts = "+-.0123456789";
    static constexpr std::string_view used = "+-.0123456789_:eExXoabcdfABCDFinINaN";
    if (text.empty() || firsts.find(text.front()) == std::string_view::npos ||
        text.find_first_not_of(used) != std::string::npos)
        return false;
    // YAML 1.1 and 1.2 number forms that a plain scalar would turn into a number.
    static const std::regex number(
        R"([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9][0-9_]*(:[0-5]?[0-9])+)");
    return std::regex_match(text, number);
}

bool looksLikeKeyword(const std::string &text)
{
    static const char *const words[] = {"true", "True", "TRUE", "false", "False", "FALSE", "yes",
                                        "Yes",  "YES",  "no",   "No",    "NO",    "on",    "On",
                                        "ON",   "off",  "Off",  "OFF",   "y",     "Y",     "n",
                                        "N",    "null", "Null", "NULL",  "~"};
    if (text.size() > 5)
        return false;
    for (const char *w : words) {
        if (text == w)
            return true;
    }
    return false;
}

// The writer reproduces, byte for byte, what yaml-cpp 0.7's YAML::Emitter wrote for the same
// tree (indent 2, nulls as "null"), without its per-character regular expressions. Project
// files and templates written by earlier versions therefore compare equal; the plain-scalar,
// escaping and indentation rules below are yaml-cpp's (emitterutils.cpp, emitter.cpp).

bool isBreakAt(std::string_view s, std::size_t i)
{
    return i < s.size() && (s[i] == '\n' || (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n'));
}

bool isBlankOrBreakAt(std::string_view s, std::size_t i)
{
    return i < s.size() && (s[i] == ' ' || s[i] == '\t' || isBreakAt(s, i));
}

bool canStartPlain(std::string_view s, bool inFlow)
{
    const std::string_view never =
        inFlow ? std::string_view("?,[]{}#&*!|>'\"%@`") : std::string_view(",[]{}#&*!|>'\"%@`");
    const std::string_view notBeforeBlank =
        inFlow ? std::string_view("-:") : std::string_view("-?:");
    if (isBlankOrBreakAt(s, 0) || never.find(s[0]) != std::string_view::npos)
        return false;
    return notBeforeBlank.find(s[0]) == std::string_view::npos ||
           (s.size() > 1 && !isBlankOrBreakAt(s, 1));
}

/// Whether the ASCII byte at `i` makes plain style impossible: an indicator, a comment start,
/// a line break (a lone "\r" too: YAML 1.1 readers such as PyYAML, and so cfn-lint and the
/// SAM CLI, end the line there), a tab, DEL or another control character.
bool breaksPlain(std::string_view s, std::size_t i, bool inFlow)
{
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
    case ':':
        return i + 1 == s.size() || isBlankOrBreakAt(s, i + 1);
    case ' ':
        return i + 1 < s.size() && s[i + 1] == '#';
    case ',':
    case '?':
    case '[':
    case ']':
    case '{':
    case '}':
        return inFlow;
    case 0x7F:
        return true;
    default:
        return c < 0x20;
    }
}

/// ASCII bytes that never affect the choice of style, so that most text is checked by one
/// lookup per byte. Every other byte is looked at: non-ASCII ones are decoded, because some
/// characters end a line for YAML 1.1 readers (U+0085, U+2028, U+2029) or are invisible.
constexpr std::array<bool, 256> ordinaryBytes = [] {
    std::array<bool, 256> ordinary{};
    for (int c = 0x20; c < 0x7F; ++c)
        ordinary[c] = std::string_view(":, ?[]{}").find(static_cast<char>(c)) ==
                      std::string_view::npos;
    return ordinary;
}();

bool isPlainSafe(std::string_view s, bool inFlow)
{
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
        return false;
    if (!canStartPlain(s, inFlow) || s.back() == ' ')
        return false;
    for (std::size_t i = 0; i < s.size();) {
        const auto byte = static_cast<unsigned char>(s[i]);
        if (ordinaryBytes[byte]) {
            ++i;
        } else if (byte < 0x80) {
            if (breaksPlain(s, i, inFlow))
                return false;
            ++i;
        } else {
            char32_t c = 0;
            const std::size_t length = utf8SequenceAt(s, i, &c);
            if (length == 0 || isUnsafeCharacter(c))
                return false;
            i += length;
        }
    }
    return true;
}

/// Whether every character of `text` may stand as it is in a literal block: valid UTF-8
/// with no control, separator or invisible character other than the line feed.
bool hasOnlySafeCharacters(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = utf8SequenceAt(text, i, &c);
        if (length == 0 || (c != '\n' && isUnsafeCharacter(c)))
            return false;
        i += length;
    }
    return true;
}

/// A literal block ("|") reads back with exactly one final newline, so it is used only for
/// text that has one and nothing a literal block cannot hold (its first line may not start
/// with a space, as the block's indentation is taken from it); other text is double-quoted
/// with escapes, which always reads back exactly.
bool fitsLiteralBlock(const std::string &text)
{
    const bool oneFinalNewline =
        text.size() >= 2 && text.back() == '\n' && text[text.size() - 2] != '\n';
    return oneFinalNewline && text[text.find_first_not_of('\n')] != ' ' &&
           text.find(" \n") == std::string::npos && hasOnlySafeCharacters(text);
}

/// Decodes one UTF-8 sequence. Anything that is not valid UTF-8 (a stray byte, a cut,
/// overlong or surrogate sequence) becomes U+FFFD and consumes one byte; yaml-cpp decoded
/// overlong forms as they stood, which let "\xC0\xAF" through as "/". Noncharacters become
/// U+FFFD too, as in yaml-cpp, because YAML may not hold them.
int nextCodePoint(const char *&p, const char *end)
{
    char32_t cp = 0;
    const std::size_t length = utf8SequenceAt(std::string_view(p, static_cast<std::size_t>(end - p)), 0, &cp);
    if (length == 0) {
        ++p;
        return 0xFFFD;
    }
    p += length;
    const bool nonCharacter = (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
    return nonCharacter ? 0xFFFD : static_cast<int>(cp);
}

void appendCodePoint(std::string &out, int cp)
{
    if (cp <= 0x7F) {
        out += static_cast<char>(cp);
    } else if (cp <= 0x7FF) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp <= 0xFFFF) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

void appendEscape(std::string &out, int cp)
{
    static constexpr char hex[] = "0123456789abcdef";
    const int digits = cp < 0xFF ? 2 : cp < 0xFFFF ? 4 : 8;
    out += '\\';
    out += digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int d = digits - 1; d >= 0; --d)
        out += hex[(cp >> (4 * d)) & 0xF];
}

void appendDoubleQuoted(std::string &out, std::string_view text)
{
    // yaml-cpp's short escapes: the character, then the letter after the backslash.
    static constexpr std::pair<int, char> shortEscapes[] = {
        {'"', '"'}, {'\\', '\\'}, {'\n', 'n'}, {'\t', 't'}, {'\r', 'r'}, {'\b', 'b'}, {'\f', 'f'}};
    out += '"';
    const char *p = text.data();
    const char *const end = p + text.size();
    while (p != end) {
        const char c = *p;
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') { // printable ASCII stays as is
            out += c;
            ++p;
            continue;
        }
        const int cp = nextCodePoint(p, end);
        const auto *escape = std::find_if(std::begin(shortEscapes), std::end(shortEscapes),
                                          [cp](const auto &e) { return e.first == cp; });
        if (escape != std::end(shortEscapes)) {
            out += '\\';
            out += escape->second;
        } else if (cp == 0xA0 || isUnsafeCharacter(static_cast<char32_t>(cp))) {
            appendEscape(out, cp);
        } else {
            appendCodePoint(out, cp);
        }
    }
    out += '"';
}

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Whether yaml-cpp accepts `text` after "!" (a tag shorthand) or inside "!<...>" (a URI).
bool isValidTagText(std::string_view text, bool uri)
{
    const std::string_view extra =
        uri ? std::string_view("#;/?:@&=+$,_.!~*'()[]") : std::string_view("#;/?:@&=+$_.~*'()");
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%') {
            if (i + 2 >= text.size() || !isHexDigit(text[i + 1]) || !isHexDigit(text[i + 2]))
                return false;
            i += 2;
        } else if (!isWordChar(text[i]) && extra.find(text[i]) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

void appendTag(std::string &out, const std::string &tag)
{
    static constexpr std::string_view core = "tag:yaml.org,2002:";
    const std::string_view t = tag;
    std::string_view handle = "!<";
    std::string_view body = t;
    if (t.starts_with(core)) {
        handle = "!!";
        body = t.substr(core.size());
    } else if (t.starts_with("!!")) {
        handle = "!!";
        body = t.substr(2);
    } else if (t.starts_with('!')) {
        handle = "!";
        body = t.substr(1);
    }
    // yaml-cpp stopped the whole document at a tag it could not write in short form, and
    // wrote a bare "!!" that no parser reads; the verbatim form "!<...>" keeps such tags.
    if (handle != "!<" && ((handle == "!!" && body.empty()) || !isValidTagText(body, false))) {
        handle = "!<";
        body = t;
    }
    out += handle;
    if (handle != "!<") {
        out += body;
        return;
    }
    // A verbatim tag is a URI: anything a URI cannot hold is percent-encoded, so that no tag
    // read from a file can end the line or the tag early.
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const char ch : body) {
        if (isValidTagText(std::string_view(&ch, 1), true) && ch != '%') {
            out += ch;
        } else {
            out += '%';
            out += hex[static_cast<unsigned char>(ch) >> 4];
            out += hex[static_cast<unsigned char>(ch) & 0xF];
        }
    }
    out += '>';
}

/// A collection being written. `indent` is where its lines start and `lastIndent` its
/// parent's, as in yaml-cpp's EmitterState.
struct Group
{
    bool isMap = false;
    bool flow = false;
    std::size_t indent = 0;
    std::size_t lastIndent = 0;
    std::size_t children = 0; ///< keys and values both count, as in yaml-cpp
    bool longKey = false;
};

/// Writes one Tree as yaml-cpp's emitter did, including its quirk of padding deeply nested
/// flow collections to their group's indent.
class Writer
{
public:
    explicit Writer(std::string &out)
        : m_out(out)
    {
    }

    void writeNode(const Tree &node, Group *parent);

private:
    enum class Child { Inline, BlockSeq, BlockMap };

    std::size_t column() const { return m_out.size() - m_lineStart; }
    void newline()
    {
        m_out += '\n';
        m_lineStart = m_out.size();
    }
    void indentTo(std::size_t n)
    {
        if (column() < n)
            m_out.append(n - column(), ' ');
    }
    void spaceOrIndentTo(bool requireSpace, std::size_t n)
    {
        if (requireSpace && column() > 0)
            m_out += ' ';
        indentTo(n);
    }

    void prepare(Group *parent, Child child, bool begun);
    void prepareSeqItem(const Group &g, Child child, bool begun);
    void prepareMapValue(const Group &g, Child child, bool begun);
    void writeKey(Group &g, const std::string &key);
    void writeScalar(const Tree &node, const Group *parent);
    void writePlainOrQuoted(std::string_view text, bool inFlow, bool lineEndFollows);
    void writeLiteral(std::string_view text, std::size_t indent);
    void writeCollection(const Tree &node, const Group *parent, bool flow);

    std::string &m_out;
    std::size_t m_lineStart = 0;
};

void Writer::writeNode(const Tree &node, Group *parent)
{
    const bool inFlow = parent != nullptr && parent->flow;
    const bool block = !node.flow && !inFlow &&
                       (node.kind == Tree::Kind::Sequence || node.kind == Tree::Kind::Map);
    const Child child = !block                              ? Child::Inline
                        : node.kind == Tree::Kind::Sequence ? Child::BlockSeq
                                                            : Child::BlockMap;
    const bool tagged = !node.tag.empty();
    if (tagged) {
        prepare(parent, Child::Inline, false);
        appendTag(m_out, node.tag);
    }
    prepare(parent, child, tagged);
    switch (node.kind) {
    case Tree::Kind::Null:
        m_out += "null";
        break;
    case Tree::Kind::Scalar:
        writeScalar(node, parent);
        break;
    case Tree::Kind::Sequence:
    case Tree::Kind::Map:
        writeCollection(node, parent, !block);
        break;
    }
    if (parent != nullptr)
        ++parent->children;
}

void Writer::prepare(Group *parent, Child child, bool begun)
{
    if (parent == nullptr) {
        if (child == Child::Inline)
            spaceOrIndentTo(begun, 0);
        else if (begun)
            newline();
    } else if (parent->isMap) {
        prepareMapValue(*parent, child, begun);
    } else {
        prepareSeqItem(*parent, child, begun);
    }
}

void Writer::prepareSeqItem(const Group &g, Child child, bool begun)
{
    if (g.flow) {
        if (!begun) {
            indentTo(g.lastIndent);
            m_out += g.children == 0 ? '[' : ',';
        }
        spaceOrIndentTo(begun || g.children > 0, g.lastIndent);
        return;
    }
    if (!begun) {
        if (g.children > 0)
            newline();
        indentTo(g.indent);
        m_out += '-';
    }
    if (child == Child::Inline)
        spaceOrIndentTo(begun, g.indent + 2);
    else if (child == Child::BlockSeq || begun)
        newline();
}

void Writer::prepareMapValue(const Group &g, Child child, bool begun)
{
    if (g.flow) {
        if (!begun) {
            indentTo(g.lastIndent);
            m_out += ':';
        }
        spaceOrIndentTo(true, g.lastIndent);
    } else if (g.longKey) {
        if (!begun) {
            newline();
            indentTo(g.indent);
            m_out += ':';
        }
        if (child != Child::Inline && begun)
            newline();
        spaceOrIndentTo(true, g.indent + 1);
    } else {
        if (!begun)
            m_out += ':';
        if (child == Child::Inline)
            spaceOrIndentTo(true, g.indent + 2);
        else
            newline();
    }
}

void Writer::writeKey(Group &g, const std::string &key)
{
    // yaml-cpp writes keys longer than 1024 bytes in the explicit "? key" form.
    g.longKey = key.size() > 1024;
    if (g.flow) {
        indentTo(g.lastIndent);
        m_out += g.children == 0 ? "{" : ",";
        if (g.longKey)
            m_out += " ?";
        // yaml-cpp wrote "{ ?key" for a first long key, which reads back as "?key".
        spaceOrIndentTo(g.children > 0 || g.longKey, g.lastIndent);
    } else {
        if (g.children > 0)
            newline();
        indentTo(g.indent);
        if (g.longKey) {
            m_out += '?';
            spaceOrIndentTo(true, g.indent + 1);
        }
    }
    writePlainOrQuoted(key, g.flow, !g.flow && g.longKey);
    ++g.children;
}

void Writer::writeScalar(const Tree &node, const Group *parent)
{
    const bool inFlow = parent != nullptr && parent->flow;
    const std::string &text = node.scalar;
    if (text.find('\n') != std::string::npos) {
        // yaml-cpp's parser cannot read a tagged block scalar after "- " or "? key\n: ".
        const bool taggedItem =
            parent != nullptr && !node.tag.empty() && (!parent->isMap || parent->longKey);
        if (!inFlow && !taggedItem && fitsLiteralBlock(text))
            writeLiteral(text, (parent != nullptr ? parent->indent : 0) + 2);
        else
            appendDoubleQuoted(m_out, text);
    } else if (node.quoted) {
        appendDoubleQuoted(m_out, text);
    } else {
        writePlainOrQuoted(text, inFlow, !inFlow);
    }
}

void Writer::writePlainOrQuoted(std::string_view text, bool inFlow, bool lineEndFollows)
{
    // Two cases yaml-cpp wrote plain although they do not read back: a final "\r" before the
    // line break (read as "\r\n"), and "---" or "..." at the start of a line (a document
    // marker).
    const bool breakAtEnd = lineEndFollows && text.ends_with('\r');
    const bool marker = column() == 0 && (text.starts_with("---") || text.starts_with("...")) &&
                        (text.size() == 3 ? lineEndFollows : isBlankOrBreakAt(text, 3));
    if (!breakAtEnd && !marker && isPlainSafe(text, inFlow))
        m_out += text;
    else
        appendDoubleQuoted(m_out, text);
}

void Writer::writeLiteral(std::string_view text, std::size_t indent)
{
    m_out += '|';
    newline();
    const char *p = text.data();
    const char *const end = p + text.size();
    while (p != end) {
        const bool ascii = static_cast<unsigned char>(*p) < 0x80;
        const int cp = ascii ? *p++ : nextCodePoint(p, end);
        if (cp == '\n') {
            newline();
            continue;
        }
        if (column() == 0)
            m_out.append(indent, ' ');
        if (cp < 0x80)
            m_out += static_cast<char>(cp);
        else
            appendCodePoint(m_out, cp);
    }
}

void Writer::writeCollection(const Tree &node, const Group *parent, bool flow)
{
    Group g;
    g.isMap = node.kind == Tree::Kind::Map;
    g.flow = flow;
    g.indent = parent != nullptr ? parent->indent + 2 : 0;
    g.lastIndent = parent != nullptr ? parent->indent : 0;
    if (g.isMap) {
        for (const auto &[key, value] : node.entries) {
            writeKey(g, key);
            writeNode(value, &g);
        }
    } else {
        for (const Tree &item : node.items)
            writeNode(item, &g);
    }
    // An empty collection is always written in flow style, at the collection's indent.
    if (g.children == 0 || g.flow) {
        indentTo(g.indent);
        if (g.children == 0)
            m_out += g.isMap ? '{' : '[';
        m_out += g.isMap ? '}' : ']';
    }
}

} // namespace

std::string writeYaml(const Tree &tree)
{
    std::string text;
    text.reserve(4096);
    Writer(text).writeNode(tree, nullptr);
    if (text.empty() || text.back() != '\n')
        text += '\n';
    return text;
}

Tree stringScalar(const std::string &text)
{
    const bool misread = text.empty() || looksLikeKeyword(text) || looksLikeNumber(text);
    return Tree::makeScalar(text, misread);
}

} // namespace nimbus::model
