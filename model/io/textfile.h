// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>

namespace nimbus::model {

/// Reads a whole file named by a user (design, template, price list, catalog file). False
/// with `error` set when it cannot be opened (with the system's reason), is a directory or
/// anything else than a regular file (a device such as /dev/zero, a FIFO, a socket: refused
/// at once, never read, so a FIFO without a writer does not block), or is larger than
/// `maxBytes` ("file is N bytes, more than the M bytes Nimbus reads").
bool readTextFile(const std::string &path, std::string &text, std::string &error,
                  std::size_t maxBytes);

} // namespace nimbus::model
