"""Writes networkx_golden.json: reference metrics from NetworkX for the Go
tests of package network. Not used at build or test time; run by hand with
`python3 golden.py` (NetworkX 3.x) after changing the cases."""

import json
import random

import networkx as nx


def case(name, g):
    n = g.number_of_nodes()
    ev = {}
    if g.number_of_edges() > 0:
        ev = nx.eigenvector_centrality(g, max_iter=100000, tol=1e-13)
        top = max(ev.values())
        ev = {k: v / top for k, v in ev.items()}
    reach = {}
    for u in g:
        d = nx.single_source_shortest_path_length(g, u, cutoff=2)
        reach[u] = (len(d) - 1) / (n - 1) if n > 1 else 0.0
    return {
        "name": name,
        "nodes": [str(u) for u in g.nodes()],
        "edges": [[str(u), str(v)] for u, v in g.edges()],
        "degree": {str(u): d for u, d in g.degree()},
        "betweenness": {str(k): v for k, v in nx.betweenness_centrality(g).items()},
        "closeness": {str(k): v for k, v in nx.closeness_centrality(g).items()},
        "eigenvector": {str(k): v for k, v in ev.items()},
        "reach": {str(k): v for k, v in reach.items()},
        "density": nx.density(g),
        "components": nx.number_connected_components(g),
    }


cases = []
rng = random.Random(7)
for i, (n, m) in enumerate([(12, 20), (40, 80), (60, 90), (80, 400)]):
    g = nx.gnm_random_graph(n, m, seed=rng.randrange(1 << 30))
    if i in (0, 1, 3):
        # Connected cases, where eigenvector centrality has one answer.
        g = g.subgraph(max(nx.connected_components(g), key=len)).copy()
        g = nx.convert_node_labels_to_integers(g)
    cases.append(case(f"gnm{n}_{m}", g))

# Disconnected: a star of five and a triangle have the same leading
# eigenvalue (2), so both keep scores; the pair and the isolated actor do not.
g = nx.Graph()
g.add_edges_from([("h", "a"), ("h", "b"), ("h", "c"), ("h", "d")])
g.add_edges_from([("x", "y"), ("y", "z"), ("z", "x")])
g.add_edge("p", "q")
g.add_node("lone")
cases.append(case("star_triangle_pair_lone", g))

# Several shortest paths: a 4-cycle with a tail, and a ladder.
cases.append(case("cycle_tail", nx.Graph([(0, 1), (1, 2), (2, 3), (3, 0), (3, 4), (4, 5)])))
cases.append(case("ladder", nx.ladder_graph(5)))
cases.append(case("barbell", nx.barbell_graph(4, 2)))

with open("networkx_golden.json", "w") as f:
    json.dump(cases, f, indent=1, sort_keys=True)
print(nx.__version__, len(cases), "cases")
