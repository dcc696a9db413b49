// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "maximal.h"

#include "synthetic.h"

#include <model/core/limits.h>

#include <string>
#include <vector>

namespace nimbus::bench {

using namespace model;

namespace {

/// `length` characters: `stem` repeated, then cut.
std::string textOf(const std::string &stem, std::size_t length)
{
    std::string text;
    while (text.size() < length)
        text += stem;
    text.resize(length);
    return text;
}

std::string numbered(const std::string &stem, std::size_t i, std::size_t length)
{
    const std::string tail = " " + std::to_string(i);
    return textOf(stem, length - tail.size()) + tail;
}

void addScenarios(Architecture &design)
{
    for (std::size_t s = 0; s < kMaxScenarios; ++s) {
        Scenario scenario;
        scenario.name = numbered("Scenario with a long name ", s, kMaxNameLength);
        scenario.description = textOf("A long description of what this scenario is about. ", kMaxDescriptionLength);
        scenario.trafficMultiplier = 1 + double(s) / 10;
        for (std::size_t i = 0; i < 100; ++i)
            scenario.overrides.push_back({design.nodes()[i * 7].id, "peakRps", 10.0 + double(i)});
        design.scenarios().push_back(std::move(scenario));
    }
}

} // namespace

Architecture longestDesign()
{
    Architecture design = syntheticDesign(int(kMaxNodes));
    while (design.nodes().size() > kMaxNodes)
        design.removeNode(design.nodes().back().id);
    design.setName(textOf("The largest design Nimbus reads ", kMaxNameLength));
    design.setDescription(textOf("Every limit at once: services, connections, groups, notes, scenarios. ",
                                 kMaxDescriptionLength));
    for (std::size_t g = 0; g < kMaxGroups; ++g)
        design.addGroup({GroupId("group-" + std::to_string(g)), numbered("A group with a long title ", g, kMaxNameLength), {}});
    std::size_t functionsWithText = 0;
    for (std::size_t i = 0; i < design.nodes().size(); ++i) {
        Node *node = design.node(design.nodes()[i].id);
        node->name = numbered("Service with a name as long as allowed ", i, kMaxNameLength);
        node->group = GroupId("group-" + std::to_string(i % kMaxGroups));
        // As many of the longest text properties as the file size leaves room for.
        if (node->type == "lambda-function" && functionsWithText < 2'500) {
            node->properties["environmentVariables"] = textOf("TABLE_NAME=orders,QUEUE_URL=https://example,", kMaxPropertyTextLength);
            ++functionsWithText;
        }
    }
    for (std::size_t n = 0; n < kMaxNotes; ++n)
        design.addNote({NoteId("note-" + std::to_string(n)), textOf("A note that says a lot. ", kMaxNoteLength),
                        {double(n % 50) * 400, -2000 - double(n / 50) * 300}, {}});
    addScenarios(design);
    return design;
}

Architecture densestDesign()
{
    Architecture design = syntheticDesign(int(kMaxNodes));
    while (design.nodes().size() > kMaxNodes)
        design.removeNode(design.nodes().back().id);
    design.setName("The densest design Nimbus reads");
    // 30 unknown keys of 64 characters per service: just under the 2,000,000 values a file may hold.
    for (const Node &n : std::vector<Node>(design.nodes())) {
        Tree extra = Tree::makeMap();
        for (int k = 0; k < 30; ++k)
            extra.entries.emplace_back("x-key-" + std::to_string(k), Tree::makeScalar(textOf("kept-as-written-", 64)));
        design.node(n.id)->extra = Tree::makeMap();
        design.node(n.id)->extra.entries.emplace_back("x-tool-data", std::move(extra));
    }
    return design;
}

} // namespace nimbus::bench
