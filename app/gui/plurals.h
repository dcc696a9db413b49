// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QTranslator>

namespace nimbus::app {

/// English plurals without a compiled translation: Qt writes countable texts as
/// "%n service(s)" and leaves the "(s)" to a translation. This translator answers every
/// such text with "service" for one and "services" otherwise (and "entry"/"entries" for
/// "entr(y|ies)"); other texts are left to Qt.
class EnglishPlurals final : public QTranslator
{
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }
};

} // namespace nimbus::app
