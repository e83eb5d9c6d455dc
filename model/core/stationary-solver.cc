/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "stationary-solver.h"

#include "config-error.h"

#include <Eigen/Sparse>
#include <Eigen/SparseLU>

#include <algorithm>
#include <map>
#include <cmath>
#include <numeric>
#include <string>

namespace ns3
{
namespace llmedge
{

namespace
{

/// Strongly connected components (iterative Tarjan); returns component ids.
std::vector<std::size_t>
Components(std::size_t n,
           const std::vector<std::size_t>& start,
           const std::vector<std::size_t>& adj,
           std::size_t& count)
{
    const std::size_t none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> index(n, none);
    std::vector<std::size_t> low(n, 0);
    std::vector<std::size_t> comp(n, none);
    std::vector<bool> onStack(n, false);
    std::vector<std::size_t> stack;
    std::vector<std::pair<std::size_t, std::size_t>> call; // (node, next edge)
    std::size_t counter = 0;
    count = 0;
    for (std::size_t root = 0; root < n; ++root)
    {
        if (index[root] != none)
        {
            continue;
        }
        call.emplace_back(root, start[root]);
        index[root] = low[root] = counter++;
        stack.push_back(root);
        onStack[root] = true;
        while (!call.empty())
        {
            auto& [v, edge] = call.back();
            if (edge < start[v + 1])
            {
                std::size_t w = adj[edge++];
                if (index[w] == none)
                {
                    index[w] = low[w] = counter++;
                    stack.push_back(w);
                    onStack[w] = true;
                    call.emplace_back(w, start[w]);
                }
                else if (onStack[w])
                {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            if (low[v] == index[v])
            {
                std::size_t w;
                do
                {
                    w = stack.back();
                    stack.pop_back();
                    onStack[w] = false;
                    comp[w] = count;
                } while (w != v);
                ++count;
            }
            std::size_t done = v;
            call.pop_back();
            if (!call.empty())
            {
                std::size_t parent = call.back().first;
                low[parent] = std::min(low[parent], low[done]);
            }
        }
    }
    return comp;
}

/// Stationary distribution of a small irreducible dense chain by the
/// Grassmann-Taksar-Heyman algorithm (no subtractions: stable). Long double
/// because the intermediate visit ratios can exceed the range of double for
/// chains whose probabilities span hundreds of orders of magnitude; an
/// empty result means "no estimate".
std::vector<double>
Gth(const std::vector<std::vector<double>>& in)
{
    const std::size_t n = in.size();
    std::vector<std::vector<long double>> p(n, std::vector<long double>(n));
    for (std::size_t i = 0; i < n; ++i)
    {
        for (std::size_t j = 0; j < n; ++j)
        {
            p[i][j] = in[i][j];
        }
    }
    for (std::size_t k = n; k-- > 1;)
    {
        long double s = 0;
        for (std::size_t j = 0; j < k; ++j)
        {
            s += p[k][j];
        }
        if (!(s > 0))
        {
            return {}; // not irreducible
        }
        for (std::size_t i = 0; i < k; ++i)
        {
            if (p[i][k] == 0)
            {
                continue;
            }
            long double f = p[i][k] / s;
            p[i][k] = f;
            for (std::size_t j = 0; j < k; ++j)
            {
                p[i][j] += f * p[k][j];
            }
        }
    }
    std::vector<long double> pi(n, 0.0L);
    pi[0] = 1;
    long double total = 1;
    for (std::size_t j = 1; j < n; ++j)
    {
        long double v = 0;
        for (std::size_t i = 0; i < j; ++i)
        {
            v += pi[i] * p[i][j];
        }
        pi[j] = v;
        total += v;
    }
    std::vector<double> out(n);
    for (std::size_t j = 0; j < n; ++j)
    {
        long double v = pi[j] / total;
        if (!std::isfinite(static_cast<double>(v)) && v != 0)
        {
            return {};
        }
        out[j] = static_cast<double>(v);
    }
    if (!std::isfinite(static_cast<double>(total)))
    {
        return {};
    }
    return out;
}

/// Solve P^T x = x with x[pin] = 1 (the pin's own equation dropped).
std::vector<double>
SolvePinned(std::size_t states, const std::vector<Transition>& transitions, std::size_t pin)
{
    const std::size_t m = states - 1;
    auto reduced = [pin](std::size_t i) { return i < pin ? i : i - 1; };
    std::vector<Eigen::Triplet<double>> a;
    a.reserve(transitions.size() + m);
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(m));
    for (const auto& t : transitions)
    {
        if (t.to == pin)
        {
            continue;
        }
        if (t.from == pin)
        {
            rhs(static_cast<Eigen::Index>(reduced(t.to))) -= t.p;
        }
        else
        {
            a.emplace_back(static_cast<int>(reduced(t.to)), static_cast<int>(reduced(t.from)), t.p);
        }
    }
    for (std::size_t i = 0; i < m; ++i)
    {
        a.emplace_back(static_cast<int>(i), static_cast<int>(i), -1.0);
    }
    std::vector<double> x(states, 0.0);
    x[pin] = 1.0;
    if (m == 0)
    {
        return x;
    }
    Eigen::SparseMatrix<double> mat(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(m));
    mat.setFromTriplets(a.begin(), a.end());
    mat.makeCompressed();
    // Repeated solves of one chain (q_lim's root finding over q, the
    // aggregation solver's coarse chains) share their sparsity pattern, and
    // the symbolic analysis (COLAMD ordering, elimination tree) depends on the
    // pattern only: keep the last one per thread and factorize against it.
    // factorize() after the same analysis is what compute() does, so the
    // numbers are unchanged; this removes a quarter of a q_lim solve's time.
    struct Analysis
    {
        Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
        std::vector<int> outer;
        std::vector<int> inner;
    };
    thread_local Analysis last;
    auto& lu = last.lu;
    const int* outer = mat.outerIndexPtr();
    const int* inner = mat.innerIndexPtr();
    const std::size_t nnz = static_cast<std::size_t>(mat.nonZeros());
    if (last.outer.size() != m + 1 || last.inner.size() != nnz ||
        !std::equal(outer, outer + m + 1, last.outer.begin()) ||
        !std::equal(inner, inner + nnz, last.inner.begin()))
    {
        last.outer.clear(); // no analysis held if analyzePattern throws
        lu.analyzePattern(mat);
        last.outer.assign(outer, outer + m + 1);
        last.inner.assign(inner, inner + nnz);
    }
    lu.factorize(mat);
    if (lu.info() != Eigen::Success)
    {
        last.outer.clear();
        throw DegenerateChainError("the stationary system is singular (" + lu.lastErrorMessage() + ")");
    }
    Eigen::VectorXd y = lu.solve(rhs);
    for (std::size_t i = 0; i < m; ++i)
    {
        x[i < pin ? i : i + 1] = y(static_cast<Eigen::Index>(i));
    }
    return x;
}

/// The stationary distribution of the chain lumped over groups (closed
/// states only; uniform within a group), by GTH; empty when GTH fails.
std::vector<double>
LumpedStationary(const std::vector<Transition>& transitions,
                 const std::vector<std::size_t>& groups,
                 const std::vector<bool>& inClosed,
                 std::map<std::size_t, std::size_t>& gid)
{
    const std::size_t g = gid.size();
    std::vector<double> members(g, 0.0);
    for (std::size_t v = 0; v < inClosed.size(); ++v)
    {
        if (inClosed[v])
        {
            members[gid[groups[v]]] += 1;
        }
    }
    std::vector<std::vector<double>> lumped(g, std::vector<double>(g, 0.0));
    for (const auto& t : transitions)
    {
        if (inClosed[t.from] && inClosed[t.to])
        {
            std::size_t a = gid[groups[t.from]];
            lumped[a][gid[groups[t.to]]] += t.p / members[a];
        }
    }
    return Gth(lumped);
}

/// The states of the chain's one closed class (Tarjan's components over the
/// transition graph); throws when there is not exactly one.
std::vector<bool>
ClosedClass(std::size_t states, const std::vector<Transition>& transitions)
{
    // Graph in compressed rows for the component search.
    std::vector<std::size_t> start(states + 1, 0);
    for (const auto& t : transitions)
    {
        if (t.from >= states || t.to >= states || !(t.p > 0) || !std::isfinite(t.p))
        {
            throw ConfigError("invalid transition " + std::to_string(t.from) + " -> " +
                              std::to_string(t.to) + " with probability " + FormatValue(t.p));
        }
        ++start[t.from + 1];
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::size_t> adj(transitions.size());
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (const auto& t : transitions)
    {
        adj[fill[t.from]++] = t.to;
    }
    std::size_t count = 0;
    std::vector<std::size_t> comp = Components(states, start, adj, count);
    std::vector<bool> leaves(count, false);
    for (std::size_t v = 0; v < states; ++v)
    {
        for (std::size_t e = start[v]; e < start[v + 1]; ++e)
        {
            if (comp[adj[e]] != comp[v])
            {
                leaves[comp[v]] = true;
            }
        }
    }
    const auto closed = static_cast<std::size_t>(std::count(leaves.begin(), leaves.end(), false));
    if (closed != 1)
    {
        // The caller knows what the states mean and says why (e.g. the
        // semi-Markov battery model); the solver only counts.
        throw DegenerateChainError("the chain is reducible (" + std::to_string(closed) +
                                   " closed classes of states): no unique stationary distribution");
    }
    std::vector<bool> inClosed(states);
    for (std::size_t v = 0; v < states; ++v)
    {
        inClosed[v] = !leaves[comp[v]];
    }
    return inClosed;
}

/// A probable state of the closed class to pin (see the header): a few power
/// steps from the uniform distribution; then, with groups, the chain lumped
/// over them solved by GTH, heaviest group first.
std::size_t
ProbableState(std::size_t states,
              const std::vector<Transition>& transitions,
              const std::vector<std::size_t>& groups,
              const std::vector<bool>& inClosed)
{
    std::vector<double> est(states, 1.0 / static_cast<double>(states));
    for (int it = 0; it < 16; ++it)
    {
        std::vector<double> next(states, 0.0);
        for (const auto& t : transitions)
        {
            next[t.to] += est[t.from] * t.p;
        }
        est.swap(next);
    }
    std::vector<double> weight(states, 0.0); // where to pin, by preference
    for (std::size_t v = 0; v < states; ++v)
    {
        weight[v] = inClosed[v] ? est[v] : -1.0;
    }
    std::map<std::size_t, std::size_t> gid; // group -> dense index (closed states only)
    if (groups.size() == states)
    {
        for (std::size_t v = 0; v < states; ++v)
        {
            if (inClosed[v])
            {
                gid.emplace(groups[v], gid.size());
            }
        }
    }
    if (!gid.empty() && gid.size() <= 600)
    {
        std::vector<double> coarse = LumpedStationary(transitions, groups, inClosed, gid);
        if (!coarse.empty())
        {
            for (std::size_t v = 0; v < states; ++v)
            {
                if (inClosed[v])
                {
                    // Heaviest group first, then the power estimate within it.
                    weight[v] = coarse[gid[groups[v]]] * (1.0 + est[v]);
                }
            }
        }
    }
    return static_cast<std::size_t>(std::max_element(weight.begin(), weight.end()) -
                                    weight.begin());
}

} // namespace

std::vector<double>
SolveStationary(std::size_t states,
                const std::vector<Transition>& transitions,
                const std::vector<std::size_t>& groups)
{
    if (states == 0)
    {
        throw ConfigError("a Markov chain needs at least one state");
    }
    const std::vector<bool> inClosed = ClosedClass(states, transitions);
    const std::size_t pin = ProbableState(states, transitions, groups, inClosed);
    // Solve on the closed class alone: transient states have probability 0,
    // and leaving them in would only add a (possibly ill-conditioned) block.
    std::vector<std::size_t> compact(states, static_cast<std::size_t>(-1));
    std::vector<std::size_t> members;
    for (std::size_t v = 0; v < states; ++v)
    {
        if (inClosed[v])
        {
            compact[v] = members.size();
            members.push_back(v);
        }
    }
    std::vector<Transition> closedTransitions;
    closedTransitions.reserve(transitions.size());
    for (const auto& t : transitions)
    {
        if (inClosed[t.from])
        {
            closedTransitions.push_back({compact[t.from], compact[t.to], t.p});
        }
    }
    std::vector<double> y = SolveStationaryPinned(members.size(), closedTransitions, compact[pin]);
    std::vector<double> x(states, 0.0);
    for (std::size_t i = 0; i < members.size(); ++i)
    {
        x[members[i]] = y[i];
    }
    return x;
}


std::vector<double>
SolveStationaryPinned(std::size_t states, const std::vector<Transition>& transitions, std::size_t pin)
{
    std::vector<double> x;
    for (int pass = 0; pass < 4; ++pass)
    {
        x = SolvePinned(states, transitions, pin);
        std::size_t best = static_cast<std::size_t>(std::max_element(x.begin(), x.end()) - x.begin());
        if (x[pin] >= 1e-3 * x[best])
        {
            break;
        }
        pin = best;
    }
    double sum = 0;
    double worst = 0;
    for (double& v : x)
    {
        if (!std::isfinite(v))
        {
            throw DegenerateChainError("the stationary solve produced a non-finite probability");
        }
        worst = std::min(worst, v);
        v = std::max(v, 0.0); // round-off on transient states
        sum += v;
    }
    if (worst < -1e-9 * sum)
    {
        throw DegenerateChainError("the stationary solve is numerically unreliable (an entry of " +
                                   FormatValue(worst / sum) + " after normalization)");
    }
    for (double& v : x)
    {
        v /= sum;
    }
    return x;
}

} // namespace llmedge
} // namespace ns3
