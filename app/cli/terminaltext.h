// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace nimbus::app {

/// A stream that passes text on to another one with every control character, escape
/// sequence, bidirectional override and invalid UTF-8 byte made visible ("\x1b", "\u202e",
/// U+FFFD); line feeds and tabs pass. Names and messages come from files the user did not
/// necessarily write: printed through this, they cannot move the cursor, recolour or hide
/// text, or rewrite what an earlier line said. Machine formats (JSON, SARIF, CSV, YAML) have
/// their own escaping and are not sent through it.
class TerminalText final : public std::ostream
{
public:
    explicit TerminalText(std::ostream &target);
    ~TerminalText() override;

    TerminalText(const TerminalText &) = delete;
    TerminalText &operator=(const TerminalText &) = delete;

private:
    class Buffer final : public std::streambuf
    {
    public:
        explicit Buffer(std::ostream &target)
            : m_target(target)
        {
        }
        void drain(bool final);

    protected:
        int_type overflow(int_type ch) override;
        std::streamsize xsputn(const char *text, std::streamsize count) override;
        int sync() override;

    private:
        std::ostream &m_target;
        std::string m_pending; ///< bytes not yet passed on: at most a cut UTF-8 sequence
    };

    Buffer m_buffer;
};

} // namespace nimbus::app
