// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nimbus::model {

/// How traffic crosses an edge. The kind decides how the edge is drawn (solid for
/// synchronous, dashed for asynchronous, dotted for polling), which limits apply to it
/// and how it maps to SAM.
enum class ConnectionKind {
    SyncInvoke,  ///< caller waits for the answer (API -> function)
    AsyncInvoke, ///< the service queues the event (S3 -> function)
    Poll,        ///< Lambda pollers read a queue (SQS -> function)
    Stream,      ///< ordered records read by shard (Kinesis, DynamoDB Streams)
    Publish,     ///< sends to a topic, bus or queue (function -> SNS)
    Subscribe,   ///< a topic delivers to a subscriber (SNS -> SQS)
    Read,        ///< reads data (function -> table)
    Write,       ///< writes data (function -> table)
    Trigger,     ///< a schedule or rule starts the target
};

/// Stable text used in files and on the command line ("sync-invoke", "poll", ...).
std::string_view connectionKindName(ConnectionKind kind);

/// Parses the stable text; nullopt when unknown.
std::optional<ConnectionKind> connectionKindFromName(std::string_view name);

/// Every kind, in declaration order.
const std::vector<ConnectionKind> &allConnectionKinds();

} // namespace nimbus::model
