// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace nimbus::app {

/// True when `args` (without the program name) ask for `nimbus render`.
bool isRenderInvocation(const std::vector<std::string> &args);

/// `nimbus render FILE -o OUT.(png|svg|pdf) [options]`: draws the diagram of a design to
/// an image file. Unlike the other commands it draws with Qt, so it needs a QApplication
/// (main.cpp makes one on the offscreen platform; no display is needed). `args` are the
/// words after "render". Returns ExitClean, or ExitUsage on bad usage, an unknown
/// extension, an unreadable design (file:line problems on `err`) or an unwritable output.
int runRender(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace nimbus::app
