// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "connectionkind.h"

#include <array>
#include <utility>

namespace nimbus::model {

namespace {

constexpr std::array<std::pair<ConnectionKind, std::string_view>, 9> kNames = {{
    {ConnectionKind::SyncInvoke, "sync-invoke"},
    {ConnectionKind::AsyncInvoke, "async-invoke"},
    {ConnectionKind::Poll, "poll"},
    {ConnectionKind::Stream, "stream"},
    {ConnectionKind::Publish, "publish"},
    {ConnectionKind::Subscribe, "subscribe"},
    {ConnectionKind::Read, "read"},
    {ConnectionKind::Write, "write"},
    {ConnectionKind::Trigger, "trigger"},
}};

} // namespace

std::string_view connectionKindName(ConnectionKind kind)
{
    for (const auto &[k, name] : kNames) {
        if (k == kind)
            return name;
    }
    return "sync-invoke";
}

std::optional<ConnectionKind> connectionKindFromName(std::string_view name)
{
    for (const auto &[k, n] : kNames) {
        if (n == name)
            return k;
    }
    return std::nullopt;
}

const std::vector<ConnectionKind> &allConnectionKinds()
{
    static const std::vector<ConnectionKind> kinds = [] {
        std::vector<ConnectionKind> all;
        for (const auto &entry : kNames)
            all.push_back(entry.first);
        return all;
    }();
    return kinds;
}

} // namespace nimbus::model
