// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "autolayout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <charconv>
#include <deque>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace nimbus::model {

namespace {

// Room around a group's members, in points, on every side: the canvas draws the group's
// frame 18 units outside its members and its title in a 40-unit band above them.
constexpr double kClusterMargin = 40;
constexpr double kPointsPerInch = 72;
constexpr const char *kNoPluginHint = "libgvc found no \"dot\" layout plugin; its plugin "
                                      "configuration (config6a, written by \"dot -c\") may be "
                                      "missing. Graphviz said: ";

// libgvc keeps global state (error handler, plugin registry, the "dot" engine's statics).
std::mutex s_graphvizMutex;

struct ContextDeleter
{
    void operator()(GVC_t *context) const { gvFreeContext(context); }
};
using ContextPtr = std::unique_ptr<GVC_t, ContextDeleter>;

struct GraphDeleter
{
    void operator()(Agraph_t *graph) const { agclose(graph); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphDeleter>;

/// Numbers named objects in order of first use. cgraph's default discipline makes an object's
/// id the address of its interned name, and Graphviz 2.42 keeps subgraphs ordered by id, so
/// dot met the clusters in an order that depended on the heap: the same design came out
/// differently on a second call.
class NameIds
{
public:
    static Agdisc_t *discipline()
    {
        static Agiddisc_t ids{&NameIds::open,      &NameIds::map,   &NameIds::alloc,
                              &NameIds::release,   &NameIds::print, &NameIds::close,
                              &NameIds::noteObject};
        static Agdisc_t discipline{&AgMemDisc, &ids, &AgIoDisc};
        return &discipline;
    }

private:
    std::unordered_map<std::string, IDTYPE> m_ids;
    std::deque<std::string> m_names; // name of id 2 * (i + 1); a deque keeps the c_str()s valid
    IDTYPE m_nextAnonymous = 1;      // odd ids for anonymous objects, as cgraph's own

    static NameIds *self(void *state) { return static_cast<NameIds *>(state); }
    static void *open(Agraph_t *, Agdisc_t *) { return new NameIds; }
    static void close(void *state) { delete self(state); }
    static long map(void *state, int, char *name, IDTYPE *id, int create)
    {
        NameIds *ids = self(state);
        if (!name) {
            *id = ids->m_nextAnonymous;
            ids->m_nextAnonymous += 2;
            return 1;
        }
        if (const auto it = ids->m_ids.find(name); it != ids->m_ids.end()) {
            *id = it->second;
            return 1;
        }
        if (!create)
            return 0;
        ids->m_names.emplace_back(name);
        *id = 2 * ids->m_names.size();
        ids->m_ids.emplace(name, *id);
        return 1;
    }
    static long alloc(void *, int, IDTYPE) { return 0; } // no caller-chosen ids
    static void release(void *, int, IDTYPE) {}
    static char *print(void *state, int, IDTYPE id)
    {
        const NameIds *ids = self(state);
        if (id % 2 != 0 || id == 0 || id / 2 > ids->m_names.size())
            return nullptr;
        return const_cast<char *>(ids->m_names[id / 2 - 1].c_str());
    }
    static void noteObject(void *, int, void *) {}
};

/// The process's Graphviz context, made on first use and freed at exit. One per layout would
/// cost little time, but gvContext() leaks the plugin list it parses (Graphviz 2.42).
/// gvContext() loads plugins on demand as listed in libgvc's config6a, which Debian's libgvc6
/// writes when it is installed. gvContextPlugins(lt_preloaded_symbols, ...) is no option:
/// libgvc does not export that table; only the dot program defines one.
GVC_t *sharedContext()
{
    static const ContextPtr context(gvContext());
    return context.get();
}

/// Frees what gvLayout() attached to a graph; must go before the graph and the context.
class LayoutGuard
{
public:
    LayoutGuard(GVC_t *context, Agraph_t *graph)
        : m_context(context)
        , m_graph(graph)
    {
    }
    ~LayoutGuard() { gvFreeLayout(m_context, m_graph); }
    LayoutGuard(const LayoutGuard &) = delete;
    LayoutGuard &operator=(const LayoutGuard &) = delete;

private:
    GVC_t *m_context;
    Agraph_t *m_graph;
};

/// Collects what Graphviz reports (instead of printing it to stderr) while alive.
class MessageCapture
{
public:
    MessageCapture()
        : m_previous(agseterrf(&MessageCapture::collect))
    {
        s_messages.clear();
    }
    ~MessageCapture() { agseterrf(m_previous); }
    MessageCapture(const MessageCapture &) = delete;
    MessageCapture &operator=(const MessageCapture &) = delete;

    /// Everything reported so far, on one line.
    static std::string text()
    {
        std::string out = s_messages;
        for (char &c : out) {
            if (c == '\n')
                c = ' ';
        }
        while (!out.empty() && out.back() == ' ')
            out.pop_back();
        return out;
    }

private:
    agusererrf m_previous;
    static inline std::string s_messages; // guarded by s_graphvizMutex

    static int collect(char *message)
    {
        s_messages += message;
        return 0;
    }
};

// cgraph takes `char *` for names and values it only copies.
void setAttribute(void *object, std::string name, std::string value)
{
    std::string none;
    agsafeset(object, name.data(), value.data(), none.data());
}

void declareDefault(Agraph_t *graph, int kind, std::string name, std::string value)
{
    agattr(graph, kind, name.data(), value.data());
}

// Locale-independent, unlike printf: a Qt application runs with the user's LC_NUMERIC.
std::string number(double value)
{
    char buffer[64];
    const auto end =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 4).ptr;
    return std::string(buffer, end);
}

void setGraphAttributes(Agraph_t *graph, const LayoutOptions &options)
{
    setAttribute(graph, "rankdir", options.leftToRight ? "LR" : "TB");
    setAttribute(graph, "nodesep", number(options.nodeSeparation / kPointsPerInch));
    setAttribute(graph, "ranksep", number(options.rankSeparation / kPointsPerInch));
    // No edge routing: only node positions are wanted, and splines cost most of the time.
    setAttribute(graph, "splines", "");
    declareDefault(graph, AGNODE, "shape", "box");
    declareDefault(graph, AGNODE, "fixedsize", "true");
    declareDefault(graph, AGNODE, "width", number(options.nodeWidth / kPointsPerInch));
    declareDefault(graph, AGNODE, "height", number(options.nodeHeight / kPointsPerInch));
    declareDefault(graph, AGNODE, "label", "");
}

/// One `cluster_<n>` subgraph per group in design.groups() order, so dot keeps members together.
std::unordered_map<GroupId, Agraph_t *> makeClusters(Agraph_t *graph, const Architecture &design)
{
    std::unordered_map<GroupId, Agraph_t *> clusters;
    for (std::size_t i = 0; i < design.groups().size(); ++i) {
        std::string name = "cluster_" + std::to_string(i);
        Agraph_t *cluster = agsubg(graph, name.data(), 1);
        setAttribute(cluster, "margin", number(kClusterMargin));
        clusters.emplace(design.groups()[i].id, cluster);
    }
    return clusters;
}

/// Index-based names ("n0", "n1", ...): node ids may hold characters dot treats specially.
std::vector<Agnode_t *> addNodesAndEdges(Agraph_t *graph, const Architecture &design)
{
    const auto clusters = makeClusters(graph, design);
    std::vector<Agnode_t *> nodes;
    nodes.reserve(design.nodes().size());
    for (const Node &node : design.nodes()) {
        std::string name = "n" + std::to_string(nodes.size());
        Agnode_t *gvNode = agnode(graph, name.data(), 1);
        if (node.group) {
            if (const auto it = clusters.find(*node.group); it != clusters.end())
                agsubnode(it->second, gvNode, 1);
        }
        nodes.push_back(gvNode);
    }
    for (const Architecture::EdgeEnds &ends : design.edgeEnds())
        agedge(graph, nodes[ends.source], nodes[ends.target], nullptr, 1);
    return nodes;
}

/// Graphviz gives centres with y pointing up; the scene wants top-left corners, y down.
std::vector<std::pair<NodeId, Point>> readPositions(Agraph_t *graph,
                                                    const std::vector<Agnode_t *> &nodes,
                                                    const Architecture &design,
                                                    const LayoutOptions &options)
{
    const boxf bounds = GD_bb(graph);
    std::vector<std::pair<NodeId, Point>> positions;
    positions.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const pointf centre = ND_coord(nodes[i]);
        const Point topLeft{options.margin + (centre.x - bounds.LL.x) - options.nodeWidth / 2,
                            options.margin + (bounds.UR.y - centre.y) - options.nodeHeight / 2};
        positions.emplace_back(design.nodes()[i].id, topLeft);
    }
    return positions;
}

std::string notAvailable(const std::string &why)
{
    return "Graphviz dot layout engine not available: " + why;
}

} // namespace

LayoutResult autoLayout(const Architecture &design, const LayoutOptions &options)
{
    LayoutResult result;
    if (design.nodes().empty())
        return result;

    const std::lock_guard lock(s_graphvizMutex);
    const MessageCapture messages;
    GVC_t *context = sharedContext();
    if (!context) {
        result.error = notAvailable("gvContext() failed. " + MessageCapture::text());
        return result;
    }
    std::string graphName = "design";
    const GraphPtr graph(agopen(graphName.data(), Agdirected, NameIds::discipline()));
    setGraphAttributes(graph.get(), options);
    const std::vector<Agnode_t *> nodes = addNodesAndEdges(graph.get(), design);

    const int status = gvLayout(context, graph.get(), "dot");
    const LayoutGuard layout(context, graph.get());
    if (status != 0) {
        const std::string why = MessageCapture::text();
        // An engine that is not configured, or whose plugin does not load, is "not recognized".
        const bool noEngine = why.find("not recognized") != std::string::npos;
        result.error =
            noEngine ? notAvailable(kNoPluginHint + why) : "Graphviz dot layout failed: " + why;
        return result;
    }
    result.positions = readPositions(graph.get(), nodes, design, options);
    return result;
}

} // namespace nimbus::model
