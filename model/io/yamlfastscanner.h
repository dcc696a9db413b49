// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nimbus::model {

/// The lexical half of the fast YAML path (parseYamlFast() in yamlfastreader.h): a cursor
/// over UTF-8 text without NUL bytes or carriage returns, and ports of yaml-cpp 0.7's rules
/// for whitespace, comments, tags and scalars (ScanScalar's folding, chomping and escapes).
/// Whatever it cannot read exactly as yaml-cpp would, it refuses by throwing Declined.
class YamlScanner
{
public:
    /// Thrown to give up; the reader then falls back to yaml-cpp.
    struct Declined
    {
        const char *why;
        int line; ///< 1-based
        int column;
    };
    struct Mark
    {
        int line = 0; ///< 0-based, like YAML::Mark
        int column = 0;
    };
    struct Tag
    {
        std::string name; ///< as yaml-cpp reports it: "!Ref", "tag:yaml.org,2002:str"
        Mark mark;
    };

    /// `text` must outlive the scanner; a leading BOM is skipped, as yaml-cpp does.
    explicit YamlScanner(std::string_view text);

    bool atEnd() const { return m_p == m_end; }
    /// The byte `k` ahead, or '\0' past the end (the text holds no NUL).
    char peek(std::ptrdiff_t k = 0) const { return m_end - m_p > k ? m_p[k] : '\0'; }
    /// Consumes one byte that is not a line break.
    void skipChar() { ++m_p; }
    const char *position() const { return m_p; }
    int line() const { return m_line; }
    int column() const { return int(m_p - m_lineStart); }
    Mark mark() const { return {m_line, column()}; }
    [[noreturn]] void decline(const char *why) const;

    bool atDocIndicator() const; ///< "---" or "..." in column 0
    bool atBlockEntry() const;   ///< "- "
    bool atPlainStart(bool flow) const;
    bool atBlockKey() const; ///< a one-line plain or quoted key followed by ": "

    /// Skips blanks, comments and line breaks between block tokens; true if a line ended.
    bool skipBlock();
    void skipFlow();
    /// After a value in block context, nothing but a comment may follow on its line.
    void finishLine();

    Tag scanTag(bool flow);
    std::string scanQuoted();
    /// `topIndent` is the column of the innermost indentation yaml-cpp has pushed.
    std::string scanBlockScalar(int topIndent);
    /// A plain scalar whose continuation lines must be indented to at least `indent`.
    std::string scanPlain(bool flow, int indent);

private:
    struct ScalarParams;
    struct ScalarState;

    void eatBreak();
    void skipComment();
    bool endMatches(const ScalarParams &params) const;
    void scanScalar(ScalarParams &params, std::string &scalar);
    bool scanLineText(const ScalarParams &params, ScalarState &state, std::string &scalar);
    void scanIndentation(ScalarParams &params, const ScalarState &state);
    void foldLineBreak(const ScalarParams &params, ScalarState &state, std::string &scalar);
    void appendEscape(char escape, std::string &scalar);

    const char *m_p;
    const char *m_end;
    const char *m_lineStart;
    int m_line = 0;
};

} // namespace nimbus::model
