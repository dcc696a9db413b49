// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "terminaltext.h"

#include <model/core/text.h>

namespace nimbus::app {

TerminalText::TerminalText(std::ostream &target)
    : std::ostream(nullptr)
    , m_buffer(target)
{
    rdbuf(&m_buffer);
}

TerminalText::~TerminalText()
{
    m_buffer.drain(true);
}

void TerminalText::Buffer::drain(bool final)
{
    const std::size_t keep = final ? 0 : model::incompleteUtf8Tail(m_pending);
    const std::size_t ready = m_pending.size() - keep;
    if (ready == 0)
        return;
    m_target << model::printableText(std::string_view(m_pending).substr(0, ready));
    m_pending.erase(0, ready);
}

TerminalText::Buffer::int_type TerminalText::Buffer::overflow(int_type ch)
{
    if (traits_type::eq_int_type(ch, traits_type::eof()))
        return traits_type::not_eof(ch);
    m_pending += traits_type::to_char_type(ch);
    drain(false);
    return ch;
}

std::streamsize TerminalText::Buffer::xsputn(const char *text, std::streamsize count)
{
    m_pending.append(text, static_cast<std::size_t>(count));
    drain(false);
    return count;
}

int TerminalText::Buffer::sync()
{
    drain(false);
    m_target.flush();
    return m_target ? 0 : -1;
}

} // namespace nimbus::app
